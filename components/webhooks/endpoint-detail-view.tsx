'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
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

const GRACE_HOURS = ['24', '1', '72', '168', '0'] as const;

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
  const t = useTranslations('webhooks');
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

  const graceOptions = GRACE_HOURS.map((value) => ({ value, label: t(`endpoint.grace.h${value}`) }));
  const allTypes = groups.flatMap((group) => group.types.map(({ type }) => ({ value: type, label: type })));
  const actionError = toggle.error ?? rotate.error ?? remove.error;

  function submitRotation(event: FormEvent) {
    event.preventDefault();
    const hours = Number(graceHours);
    rotate.mutate(hours, {
      onSuccess: ({ secret }) => {
        setRotating(false);
        setRevealed({
          title: t('endpoint.newSecret'),
          secret,
          warning: t('secret.warning'),
          note: hours > 0 ? t('endpoint.graceNote', { count: hours }) : t('endpoint.stoppedSigning'),
        });
      },
    });
  }

  function confirmDelete() {
    if (!window.confirm(t('endpoint.confirmDelete', { url: endpoint.url }))) return;
    remove.mutate(undefined, { onSuccess: () => router.push('/developers/webhooks') });
  }

  function submitTest(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    test.mutate(testType || undefined, { onSuccess: (delivery) => setStatus(t('test.queued', { type: delivery.eventType })) });
  }

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label={t('endpoint.breadcrumb')} className="text-sm">
        <Link href="/developers/webhooks" className="font-medium text-brand-text underline">
          {t('endpoint.allEndpoints')}
        </Link>
      </nav>

      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 dir="ltr" className="font-mono text-xl font-bold break-all text-slate-900">
            {endpoint.url}
          </h1>
          <EndpointStatusBadge endpoint={endpoint} />
        </div>
        {endpoint.description ? <p className="text-slate-700">{endpoint.description}</p> : null}
        {!endpoint.enabled && endpoint.disabledReason ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="webhook-disabled-reason">
            {t('endpoint.switchedOff', { reason: endpoint.disabledReason })}
          </p>
        ) : null}
      </header>

      {revealed ? <SecretReveal key={revealed.secret} revealed={revealed} onDone={() => setRevealed(null)} testId="webhook-secret" /> : null}

      <Card title={t('endpoint.card')}>
        <FormAlert message={actionError?.message} />
        {editing ? (
          <EndpointForm
            label={t('endpoint.editLabel')}
            submitLabel={t('endpoint.save')}
            pendingLabel={t('endpoint.saving')}
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
              <Detail label={t('endpoint.events')}>
                <SubscribedEvents eventTypes={endpoint.eventTypes} />
              </Detail>
              <Detail label={t('endpoint.customHeaders')}>
                {Object.keys(endpoint.headers).length ? (
                  <span dir="ltr" className="font-mono text-xs">
                    {Object.keys(endpoint.headers).join(', ')}
                  </span>
                ) : (
                  t('endpoint.none')
                )}
              </Detail>
              <Detail label={t('endpoint.created')}>{fmt.dateTime(endpoint.createdAt)}</Detail>
              <Detail label={t('endpoint.lastChanged')}>{fmt.dateTime(endpoint.updatedAt)}</Detail>
              <Detail label={t('endpoint.id')}>
                <code className="font-mono text-xs">{endpoint.id}</code>
              </Detail>
              {endpoint.previousSecretValidUntil ? <Detail label={t('endpoint.previousUntil')}>{fmt.dateTime(endpoint.previousSecretValidUntil)}</Detail> : null}
            </dl>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
                {t('endpoint.edit')}
              </Button>
              <Button type="button" variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate({ enabled: !endpoint.enabled })}>
                {endpoint.enabled ? t('endpoint.disable') : t('endpoint.enable')}
              </Button>
              <Button type="button" variant="secondary" aria-expanded={rotating} onClick={() => setRotating(!rotating)}>
                {t('endpoint.rotate')}
              </Button>
              <Button type="button" variant="ghost" disabled={remove.isPending} onClick={confirmDelete}>
                {t('endpoint.delete')}
              </Button>
            </div>
            {rotating ? (
              <form onSubmit={submitRotation} aria-label={t('endpoint.rotateLabel')} className="flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-3">
                <SelectField label={t('endpoint.graceLabel')} name="graceHours" value={graceHours} onChange={(e) => setGraceHours(e.target.value)} options={graceOptions} className="w-72" />
                <Button type="submit" disabled={rotate.isPending}>
                  {rotate.isPending ? t('endpoint.rotating') : t('endpoint.createSecret')}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setRotating(false)}>
                  {t('endpoint.cancel')}
                </Button>
              </form>
            ) : null}
          </div>
        )}
      </Card>

      <Card title={t('test.title')} description={t('test.description')}>
        <form onSubmit={submitTest} aria-label={t('test.title')} className="flex flex-wrap items-end gap-3">
          <SelectField label={t('test.eventType')} name="eventType" value={testType} onChange={(e) => setTestType(e.target.value)} options={allTypes} className="w-72" />
          <Button type="submit" disabled={test.isPending}>
            {test.isPending ? t('test.sending') : t('test.submit')}
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
