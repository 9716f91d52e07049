'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SecretReveal, type RevealedSecret } from '@/components/developers/secret-reveal';
import { Card } from '@/components/ui/card';
import type { EndpointView } from '@/lib/webhooks/endpoint-schema';
import { EndpointStatusBadge, SubscribedEvents } from './endpoint-badges';
import { EndpointForm } from './endpoint-form';
import type { EventTypeGroup } from './event-type-picker';
import { useCreateEndpoint } from './use-webhook-mutations';
import { fetchEndpoints, webhookKeys } from './webhook-requests';

interface Props {
  initial: EndpointView[];
  groups: EventTypeGroup[];
}

/** The workspace's endpoints, and the form that adds one (its secret is shown once, here). */
export function WebhooksPanel({ initial, groups, locked = false }: Props & { locked?: boolean }) {
  const t = useTranslations('webhooks');
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
            {t.rich('panel.afterSecret', {
              code: (chunks) => <code className="font-mono">{chunks}</code>,
              link: (chunks) => (
                <Link href={`/developers/webhooks/${encodeURIComponent(revealed.endpointId)}`} className="font-semibold text-brand-text underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      ) : null}
      <Card title={t('panel.endpoints')}>
        {endpoints.length === 0 ? <p className="text-sm text-slate-500">{locked ? t('panel.noEndpoints') : t('panel.noEndpointsYet')}</p> : null}
        <ul className="flex flex-col gap-3">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="rounded-lg border border-slate-200 p-4" data-testid="webhook-endpoint-item">
              <div className="flex flex-wrap items-center gap-3">
                <Link href={`/developers/webhooks/${encodeURIComponent(endpoint.id)}`} dir="ltr" className="font-mono text-sm font-semibold break-all text-brand-text underline">
                  {endpoint.url}
                </Link>
                <EndpointStatusBadge endpoint={endpoint} />
              </div>
              {endpoint.description ? <p className="mt-1 text-sm text-slate-700">{endpoint.description}</p> : null}
              {!endpoint.enabled && endpoint.disabledReason ? <p className="mt-1 text-sm text-red-700">{t('panel.switchedOff', { reason: endpoint.disabledReason })}</p> : null}
              <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <span className="font-medium">{t('panel.events')}</span>
                <SubscribedEvents eventTypes={endpoint.eventTypes} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {/* Without the feature, existing endpoints can be seen, switched off and deleted; none added. */}
      {locked ? null : (
        <Card title={t('panel.add')} description={t('panel.addDescription')}>
          <EndpointForm
            key={formKey}
            label={t('panel.add')}
            submitLabel={t('panel.add')}
            pendingLabel={t('panel.adding')}
            groups={groups}
            withEnabled
            pending={create.isPending}
            error={create.error}
            onSubmit={(input) =>
              create.mutate(input, {
                onSuccess: ({ endpoint, secret }) => {
                  setFormKey((key) => key + 1);
                  setRevealed({ title: t('secret.title', { url: endpoint.url }), secret, warning: t('secret.warning'), endpointId: endpoint.id });
                },
              })
            }
          />
        </Card>
      )}
    </div>
  );
}
