'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { SecretReveal, type RevealedSecret } from '@/components/developers/secret-reveal';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import type { EndpointView } from '@/lib/webhooks/endpoint-schema';
import { DeliveryLog } from './delivery-log';
import { EndpointStatusBadge, SubscribedEvents } from './endpoint-badges';
import { EndpointForm } from './endpoint-form';
import type { EventTypeGroup } from './event-type-picker';
import { useDeleteEndpoint, useRotateEndpointSecret, useSendTestEvent, useUpdateEndpoint } from './use-webhook-mutations';
import { fetchEndpoint, webhookKeys } from './webhook-requests';
import { useFormat } from '@/lib/format/format-context';

const SECRET_WARNING = "Copy this signing secret now. You won't see it again.";

const GRACE_OPTIONS = [
  { value: '24', label: '24 hours' },
  { value: '1', label: '1 hour' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days' },
  { value: '0', label: 'None: the current secret stops at once' },
];

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

interface Props {
  initial: EndpointView;
  groups: EventTypeGroup[];
}

/** One endpoint: its settings and actions, and below them its delivery log. */
export function EndpointDetailView({ initial, groups }: Props) {
  const fmt = useFormat();
  const router = useRouter();
  const { data: endpoint } = useQuery({ queryKey: webhookKeys.endpoint(initial.id), queryFn: () => fetchEndpoint(initial.id), initialData: initial, initialDataUpdatedAt: 0 });
  const update = useUpdateEndpoint(endpoint.id);
  const toggle = useUpdateEndpoint(endpoint.id);
  const rotate = useRotateEndpointSecret(endpoint.id);
  const remove = useDeleteEndpoint(endpoint.id);
  const test = useSendTestEvent(endpoint.id);

  const [editing, setEditing] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [graceHours, setGraceHours] = useState('24');
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const [testType, setTestType] = useState(endpoint.eventTypes[0] ?? groups[0]?.types[0]?.type ?? '');
  const [status, setStatus] = useState<string | null>(null);

  const allTypes = groups.flatMap((group) => group.types.map(({ type }) => ({ value: type, label: type })));
  const actionError = toggle.error ?? rotate.error ?? remove.error;

  function submitRotation(event: FormEvent) {
    event.preventDefault();
    const hours = Number(graceHours);
    rotate.mutate(hours, {
      onSuccess: ({ secret }) => {
        setRotating(false);
        setRevealed({
          title: 'New signing secret',
          secret,
          warning: SECRET_WARNING,
          note: hours > 0 ? `The previous secret keeps signing deliveries for ${hours} hour${hours === 1 ? '' : 's'}, so you can switch your receiver over.` : 'The previous secret has stopped signing.',
        });
      },
    });
  }

  function confirmDelete() {
    if (!window.confirm(`Delete the endpoint ${endpoint.url}? Deliveries stop at once and its delivery log is deleted. This cannot be undone.`)) return;
    remove.mutate(undefined, { onSuccess: () => router.push('/developers/webhooks') });
  }

  function submitTest(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    test.mutate(testType || undefined, { onSuccess: (delivery) => setStatus(`Test event ${delivery.eventType} queued. It appears in the delivery log below.`) });
  }

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/developers/webhooks" className="font-medium text-brand-text underline">
          All webhook endpoints
        </Link>
      </nav>

      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-xl font-bold break-all text-slate-900">{endpoint.url}</h1>
          <EndpointStatusBadge endpoint={endpoint} />
        </div>
        {endpoint.description ? <p className="text-slate-700">{endpoint.description}</p> : null}
        {!endpoint.enabled && endpoint.disabledReason ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="webhook-disabled-reason">
            Switched off automatically: {endpoint.disabledReason} Enable it again once the receiver is fixed.
          </p>
        ) : null}
      </header>

      {revealed ? <SecretReveal key={revealed.secret} revealed={revealed} onDone={() => setRevealed(null)} testId="webhook-secret" /> : null}

      <Card title="Endpoint">
        <FormAlert message={actionError?.message} />
        {editing ? (
          <EndpointForm
            label="Edit endpoint"
            submitLabel="Save changes"
            pendingLabel="Saving…"
            groups={groups}
            initial={endpoint}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={(input) => update.mutate(input, { onSuccess: () => setEditing(false) })}
          />
        ) : (
          <div className="flex flex-col gap-5">
            <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              <Detail label="Events">
                <SubscribedEvents eventTypes={endpoint.eventTypes} />
              </Detail>
              <Detail label="Custom headers">
                {Object.keys(endpoint.headers).length ? <span className="font-mono text-xs">{Object.keys(endpoint.headers).join(', ')}</span> : 'None'}
              </Detail>
              <Detail label="Created">{fmt.dateTime(endpoint.createdAt)}</Detail>
              <Detail label="Last changed">{fmt.dateTime(endpoint.updatedAt)}</Detail>
              <Detail label="Endpoint id">
                <code className="font-mono text-xs">{endpoint.id}</code>
              </Detail>
              {endpoint.previousSecretValidUntil ? <Detail label="Previous secret signs until">{fmt.dateTime(endpoint.previousSecretValidUntil)}</Detail> : null}
            </dl>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button type="button" variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate({ enabled: !endpoint.enabled })}>
                {endpoint.enabled ? 'Disable endpoint' : 'Enable endpoint'}
              </Button>
              <Button type="button" variant="secondary" aria-expanded={rotating} onClick={() => setRotating(!rotating)}>
                Rotate secret
              </Button>
              <Button type="button" variant="ghost" disabled={remove.isPending} onClick={confirmDelete}>
                Delete endpoint
              </Button>
            </div>
            {rotating ? (
              <form onSubmit={submitRotation} aria-label="Rotate signing secret" className="flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-3">
                <SelectField label="Keep the current secret signing for" name="graceHours" value={graceHours} onChange={(e) => setGraceHours(e.target.value)} options={GRACE_OPTIONS} className="w-72" />
                <Button type="submit" disabled={rotate.isPending}>
                  {rotate.isPending ? 'Rotating…' : 'Create new secret'}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setRotating(false)}>
                  Cancel
                </Button>
              </form>
            ) : null}
          </div>
        )}
      </Card>

      <Card title="Send a test event" description="Sends the catalog's example of an event type, signed like any delivery, once (no retries).">
        <form onSubmit={submitTest} aria-label="Send a test event" className="flex flex-wrap items-end gap-3">
          <SelectField label="Event type" name="eventType" value={testType} onChange={(e) => setTestType(e.target.value)} options={allTypes} className="w-72" />
          <Button type="submit" disabled={test.isPending}>
            {test.isPending ? 'Sending…' : 'Send test event'}
          </Button>
        </form>
        <div className="mt-2">
          <FormAlert message={test.error?.message} />
          <FormStatus message={status} />
        </div>
      </Card>

      <DeliveryLog endpointId={endpoint.id} />
    </article>
  );
}
