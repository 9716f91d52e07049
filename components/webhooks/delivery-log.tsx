'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Fragment, useId, useState, type FormEvent, type MouseEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { ScrollBox } from '@/components/ui/scroll-box';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import type { DeliveryView } from '@/lib/webhooks/delivery-view';
import { DeliveryDetails } from './delivery-details';
import { DeliveryStatusBadge } from './endpoint-badges';
import { useEnableAndReplay, useReplayDelivery, useReplayFailedSince } from './use-webhook-mutations';
import { fetchDeliveries, webhookKeys, type StatusFilter } from './webhook-requests';
import { useFormat } from '@/lib/format/format-context';

const STATUS_FILTERS: StatusFilter[] = ['all', 'pending', 'succeeded', 'failed'];

const POLL_MS = 5000;
const COLUMNS = 9;

/** The endpoint's deliveries, newest first, filtered by status and a page at a time; each row opens its details. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const fmt = useFormat();
  const t = useTranslations('webhooks');
  const id = useId();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [replayAlert, setReplayAlert] = useState<string | null>(null);
  /** The delivery whose replay was refused because the endpoint is disabled: offered again with "Enable endpoint and replay". */
  const [refusedReplay, setRefusedReplay] = useState<string | null>(null);
  const replay = useReplayDelivery(endpointId);
  const enableAndReplay = useEnableAndReplay(endpointId);

  const log = useInfiniteQuery({
    queryKey: webhookKeys.deliveryPages(endpointId, status),
    queryFn: ({ pageParam }) => fetchDeliveries(endpointId, status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While something is still on its way, its row follows along.
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.data.some((d) => d.status === 'pending')) ? POLL_MS : false),
  });
  const deliveries = log.data?.pages.flatMap((page) => page.data) ?? [];

  function toggle(deliveryId: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(deliveryId)) next.add(deliveryId);
      return next;
    });
  }

  /** A click anywhere on a row opens it, except on its buttons (which do their own thing). */
  function rowClick(event: MouseEvent, deliveryId: string) {
    if ((event.target as HTMLElement).closest('button, a')) return;
    toggle(deliveryId);
  }

  function replayOne(delivery: DeliveryView) {
    setReplayAlert(null);
    setRefusedReplay(null);
    replay.mutate(delivery.id, {
      onError: (error) => {
        setReplayAlert(error.message);
        if (error instanceof ApiError && error.code === 'endpoint_disabled') setRefusedReplay(delivery.id);
      },
    });
  }

  function enableThenReplay(deliveryId: string) {
    setReplayAlert(null);
    setRefusedReplay(null);
    enableAndReplay.mutate(deliveryId, { onError: (error) => setReplayAlert(error.message) });
  }

  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : '—');
  const statusOptions = STATUS_FILTERS.map((value) => ({ value, label: value === 'all' ? t('log.all') : t(`delivery.${value}`) }));

  return (
    <Card title={t('log.title')} description={t('log.description')}>
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <SelectField label={t('log.status')} name="status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} options={statusOptions} className="w-48" />
          <ReplayFailedSince endpointId={endpointId} />
        </div>
        <FormAlert message={log.error?.message ?? replayAlert} />
        {refusedReplay ? (
          <div>
            <Button type="button" variant="secondary" disabled={enableAndReplay.isPending} onClick={() => enableThenReplay(refusedReplay)}>
              {t('log.enableAndReplay')}
            </Button>
          </div>
        ) : null}
        <ScrollBox label={t('log.deliveries')}>
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t('log.deliveries')}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-2 pe-3 font-medium">{t('log.eventType')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('log.eventId')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('log.status')}</th>
                <th scope="col" className="py-2 pe-3 text-end font-medium">{t('log.attempts')}</th>
                <th scope="col" className="py-2 pe-3 text-end font-medium">{t('log.response')}</th>
                <th scope="col" className="py-2 pe-3 text-end font-medium">{t('log.duration')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('log.nextAttempt')}</th>
                <th scope="col" className="py-2 pe-3 font-medium">{t('log.created')}</th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">{t('log.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => {
                const expanded = open.has(delivery.id);
                const detailsId = `${id}-${delivery.id}`;
                return (
                  <Fragment key={delivery.id}>
                    <tr onClick={(event) => rowClick(event, delivery.id)} className="cursor-pointer border-b border-slate-100 hover:bg-slate-50" data-testid="webhook-delivery-row">
                      <td className="py-2 pe-3 font-mono text-xs">{delivery.eventType}</td>
                      <td className="py-2 pe-3 font-mono text-xs text-slate-600">{delivery.eventId}</td>
                      <td className="py-2 pe-3">
                        <DeliveryStatusBadge status={delivery.status} />
                      </td>
                      <td className="py-2 pe-3 text-end tabular-nums">{delivery.attempts}</td>
                      <td className="py-2 pe-3 text-end tabular-nums">{delivery.lastStatusCode ?? '—'}</td>
                      <td className="py-2 pe-3 text-end tabular-nums">{fmt.milliseconds(delivery.lastDurationMs)}</td>
                      <td className="py-2 pe-3 whitespace-nowrap">{delivery.status === 'pending' ? when(delivery.nextAttemptAt) : '—'}</td>
                      <td className="py-2 pe-3 whitespace-nowrap">{when(delivery.createdAt)}</td>
                      <td className="py-2">
                        <div className="flex justify-end gap-1">
                          <Button type="button" variant="ghost" className="px-2 py-1" aria-expanded={expanded} aria-controls={detailsId} onClick={() => toggle(delivery.id)}>
                            {expanded ? t('log.hide') : t('log.details')}
                          </Button>
                          <Button
                            type="button"
                            variant="secondary"
                            className="px-2 py-1"
                            disabled={delivery.status === 'pending' || (replay.isPending && replay.variables === delivery.id)}
                            title={delivery.status === 'pending' ? t('log.stillDelivering') : undefined}
                            onClick={() => replayOne(delivery)}
                          >
                            {t('log.replay')}
                          </Button>
                        </div>
                      </td>
                    </tr>
                    {expanded ? (
                      <tr id={detailsId} className="border-b border-slate-100 bg-slate-50">
                        <td colSpan={COLUMNS} className="p-3">
                          <DeliveryDetails deliveryId={delivery.id} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
        {log.isPending ? <p className="text-sm text-slate-500">{t('log.loading')}</p> : null}
        {log.isSuccess && deliveries.length === 0 ? (
          <p className="text-sm text-slate-500">{status === 'all' ? t('log.empty') : t('log.emptyFiltered', { status })}</p>
        ) : null}
        {log.hasNextPage ? (
          <div>
            <Button type="button" variant="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {log.isFetchingNextPage ? t('log.loadingMore') : t('log.loadMore')}
            </Button>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

/** The failed deliveries since a moment (the browser's local time), sent once more. */
function ReplayFailedSince({ endpointId }: { endpointId: string }) {
  const t = useTranslations('webhooks.replay');
  const replay = useReplayFailedSince(endpointId);
  const [since, setSince] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const fieldError = replay.error instanceof ApiError ? (replay.error.fields.since ?? replay.error.message) : replay.error?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const moment = new Date(since);
    if (!since || Number.isNaN(moment.getTime())) return setStatus(t('chooseTime'));
    replay.mutate(moment.toISOString(), {
      onSuccess: ({ replayed }) => setStatus(replayed === 0 ? t('noneSince') : t('queued', { count: replayed })),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('label')} className="flex flex-wrap items-end gap-2">
      <TextField label={t('since')} name="since" type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} error={fieldError} hint={t('sinceHint')} />
      <Button type="submit" variant="secondary" disabled={replay.isPending}>
        {replay.isPending ? t('replaying') : t('label')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}
