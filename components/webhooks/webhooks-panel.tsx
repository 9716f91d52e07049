'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { SecretReveal, type RevealedSecret } from '@/components/developers/secret-reveal';
import { Card } from '@/components/ui/card';
import type { EndpointView } from '@/lib/webhooks/endpoint-schema';
import { EndpointStatusBadge, SubscribedEvents } from './endpoint-badges';
import { EndpointForm } from './endpoint-form';
import type { EventTypeGroup } from './event-type-picker';
import { useCreateEndpoint } from './use-webhook-mutations';
import { fetchEndpoints, webhookKeys } from './webhook-requests';

export const SECRET_WARNING = "Copy this signing secret now. You won't see it again.";

interface Props {
  initial: EndpointView[];
  groups: EventTypeGroup[];
}

/** The workspace's endpoints, and the form that adds one (its secret is shown once, here). */
export function WebhooksPanel({ initial, groups, locked = false }: Props & { locked?: boolean }) {
  const { data: endpoints } = useQuery({ queryKey: webhookKeys.list, queryFn: fetchEndpoints, initialData: initial });
  const create = useCreateEndpoint();
  const [revealed, setRevealed] = useState<(RevealedSecret & { endpointId: string }) | null>(null);
  // A fresh form after each endpoint added.
  const [formKey, setFormKey] = useState(0);

  return (
    <div className="flex flex-col gap-6">
      {revealed ? (
        <div className="flex flex-col gap-2">
          <SecretReveal key={revealed.secret} revealed={revealed} onDone={() => setRevealed(null)} testId="webhook-secret" />
          <p className="text-sm text-slate-600">
            Verify each delivery&apos;s <code className="font-mono">webhook-signature</code> with this secret.{' '}
            <Link href={`/developers/webhooks/${encodeURIComponent(revealed.endpointId)}`} className="font-semibold text-brand-text underline">
              Open the endpoint
            </Link>{' '}
            to send a test event.
          </p>
        </div>
      ) : null}
      <Card title="Endpoints">
        {endpoints.length === 0 ? <p className="text-sm text-slate-500">{locked ? 'No endpoints.' : 'No endpoints yet. Add one below to start receiving events.'}</p> : null}
        <ul className="flex flex-col gap-3">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="rounded-lg border border-slate-200 p-4" data-testid="webhook-endpoint-item">
              <div className="flex flex-wrap items-center gap-3">
                <Link href={`/developers/webhooks/${encodeURIComponent(endpoint.id)}`} className="font-mono text-sm font-semibold break-all text-brand-text underline">
                  {endpoint.url}
                </Link>
                <EndpointStatusBadge endpoint={endpoint} />
              </div>
              {endpoint.description ? <p className="mt-1 text-sm text-slate-700">{endpoint.description}</p> : null}
              {!endpoint.enabled && endpoint.disabledReason ? <p className="mt-1 text-sm text-red-700">Switched off: {endpoint.disabledReason}</p> : null}
              <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <span className="font-medium">Events:</span>
                <SubscribedEvents eventTypes={endpoint.eventTypes} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {/* Without the feature, existing endpoints can be seen, switched off and deleted; none added. */}
      {locked ? null : (
        <Card title="Add endpoint" description="We POST each event as JSON, signed with the endpoint's secret (Standard Webhooks), and retry failures for about a day.">
          <EndpointForm
            key={formKey}
            label="Add endpoint"
            submitLabel="Add endpoint"
            pendingLabel="Adding…"
            groups={groups}
            withEnabled
            pending={create.isPending}
            error={create.error}
            onSubmit={(input) =>
              create.mutate(input, {
                onSuccess: ({ endpoint, secret }) => {
                  setFormKey((key) => key + 1);
                  setRevealed({ title: `Signing secret for ${endpoint.url}`, secret, warning: SECRET_WARNING, endpointId: endpoint.id });
                },
              })
            }
          />
        </Card>
      )}
    </div>
  );
}
