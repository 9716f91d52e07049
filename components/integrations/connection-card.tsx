'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import type { ConnectionView as ConnectionStatusView } from '@/lib/integrations/views';

const SYNCS_TOAST = { realtime: 'syncsRealtime', hourly: 'syncsHourly', daily: 'syncsDaily' } as const satisfies Record<ConnectionStatusView['syncFrequency'], string>;

interface Props {
  id: string;
  name: string;
  /** 'workspace': one connection for everyone, made by an admin (Slack). */
  level: 'user' | 'workspace';
  initial: ConnectionStatusView | null;
  /** The integration syncs (calendars): last sync, Sync now, frequency. */
  syncs: boolean;
  frequencies: ConnectionStatusView['syncFrequency'][];
  /** May connect and change it (a member for their own; an admin for the workspace's). */
  canManage: boolean;
}

/**
 * Connect <Provider>, then the connection's status: account, needs attention (why, Reconnect),
 * last sync (time, result, error, what it did), Sync now, frequency, Disconnect. While a sync
 * is under way it asks the server again every 2 seconds.
 */
export function ConnectionCard({ id, name, level, initial, syncs, frequencies, canManage }: Props) {
  const t = useTranslations('integrations');
  const fmt = useFormat();
  const router = useRouter();
  const client = useQueryClient();
  const frequencyId = useId();
  const key = ['integrations', id, 'connection'];
  // Since when the card waits for a sync to finish: opening the page (the first sync after
  // connecting) or Sync now. It stops asking after a minute.
  const [waitingSince, setWaitingSince] = useState(() => (initial && (initial.syncing || initial.lastSyncAt === null) ? Date.now() : 0));
  const { data: connection } = useQuery({
    queryKey: key,
    queryFn: () => api<{ connection: ConnectionStatusView | null }>(`/api/app/integrations/${id}/connection`).then((body) => body.connection),
    initialData: initial,
    refetchInterval: (query) => {
      const current = query.state.data;
      if (!current || !syncs || Date.now() - waitingSince > 60_000) return false;
      const finished = current.lastSyncAt !== null && Date.parse(current.lastSyncAt) >= waitingSince - 5_000;
      return current.syncing || current.lastSyncAt === null || !finished ? 2000 : false;
    },
  });
  const connect = useMutation({
    mutationFn: () => api<{ url: string }>(`/api/app/integrations/${id}/connect`, { method: 'POST' }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const sync = useMutation({
    mutationFn: () => api<{ connection: ConnectionStatusView }>(`/api/app/integrations/${id}/connection/sync`, { method: 'POST' }),
    onSuccess: (body) => {
      setWaitingSince(Date.now());
      client.setQueryData(key, body.connection);
      toast.success(t('connection.syncStarted'));
    },
  });
  const frequency = useMutation({
    mutationFn: (syncFrequency: string) => api<{ connection: ConnectionStatusView }>(`/api/app/integrations/${id}/connection`, { method: 'PATCH', json: { syncFrequency } }),
    onSuccess: (body) => {
      client.setQueryData(key, body.connection);
      toast.success(t(`connection.${SYNCS_TOAST[body.connection.syncFrequency]}`, { name }));
    },
  });
  const disconnect = useMutation({
    mutationFn: () => api(`/api/app/integrations/${id}/connection`, { method: 'DELETE' }),
    onSuccess: () => {
      client.setQueryData(key, null);
      toast.success(t('connection.disconnectedToast', { name }));
      router.refresh();
    },
  });
  const error = connect.error?.message ?? sync.error?.message ?? frequency.error?.message ?? disconnect.error?.message;

  if (!connection) {
    return (
      <section aria-labelledby="connection" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="integration-connection">
        <h2 id="connection" className="text-lg font-semibold text-slate-900">
          {level === 'workspace' ? t('connection.workspaceHeading') : t('connection.yourHeading')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {canManage
            ? t(level === 'workspace' ? 'connection.connectWorkspace' : 'connection.connectYours', { name })
            : t(level === 'workspace' ? 'connection.adminConnectsWorkspace' : 'connection.adminConnectsYours', { name })}
        </p>
        {canManage ? (
          <Button type="button" className="mt-3" onClick={() => connect.mutate()} disabled={connect.isPending || connect.isSuccess} data-testid="integration-connect">
            {connect.isPending || connect.isSuccess ? t('connection.opening') : t('connection.connect', { name })}
          </Button>
        ) : null}
        <div className="mt-3">
          <FormAlert message={error} />
        </div>
      </section>
    );
  }

  const attention = connection.status === 'needs_attention';
  const summary = connection.lastSyncSummary;
  return (
    <section aria-labelledby="connection" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="integration-connection">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="connection" className="text-lg font-semibold text-slate-900">
          {level === 'workspace' ? t('connection.workspaceHeading') : t('connection.yourHeading')}
        </h2>
        {attention ? <Badge tone="danger">{t('connection.needsAttention')}</Badge> : <Badge tone="success">{t('connection.connected')}</Badge>}
      </div>
      {attention ? (
        <div role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="integration-needs-attention">
          <p className="font-semibold">{t('connection.stopped', { name })}</p>
          <p className="mt-1 break-words">{t('connection.reconnectReason', { reason: connection.statusReason ?? t('connection.refused') })}</p>
          {canManage ? (
            <Button type="button" className="mt-2" onClick={() => connect.mutate()} disabled={connect.isPending || connect.isSuccess} data-testid="integration-reconnect">
              {t('connection.reconnect', { name })}
            </Button>
          ) : null}
        </div>
      ) : null}
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t('connection.account')}</dt>
        <dd className="break-all" data-testid="integration-account">
          {connection.accountName && connection.accountName !== connection.accountId ? t('connection.accountWithId', { name: connection.accountName, id: connection.accountId }) : connection.accountId}
        </dd>
        <dt className="text-slate-600">{t('connection.connectedAt')}</dt>
        <dd>{fmt.dateTime(connection.connectedAt)}</dd>
        {syncs ? (
          <>
            <dt className="text-slate-600">{t('connection.lastSync')}</dt>
            <dd data-testid="integration-last-sync" aria-live="polite">
              {connection.lastSyncAt ? (
                <>
                  {connection.lastSyncResult === 'failed'
                    ? t.rich('connection.lastSyncFailed', { date: fmt.dateTime(connection.lastSyncAt), failed: (chunks) => <span className="font-medium text-red-800">{chunks}</span> })
                    : t.rich('connection.lastSyncOk', { date: fmt.dateTime(connection.lastSyncAt), ok: (chunks) => <span className="text-emerald-800">{chunks}</span> })}
                  {connection.syncing ? t('connection.syncingAgain') : null}
                </>
              ) : connection.syncing ? (
                t('connection.syncing')
              ) : (
                t('connection.notSynced')
              )}
            </dd>
            {connection.lastSyncResult === 'failed' && connection.lastSyncError ? (
              <>
                <dt className="text-slate-600">{t('connection.error')}</dt>
                <dd className="break-words text-red-800">{connection.lastSyncError}</dd>
              </>
            ) : null}
            {summary ? (
              <>
                <dt className="text-slate-600">{t('connection.itDid')}</dt>
                <dd data-testid="integration-sync-summary">{t('connection.summary', { pushed: summary.pushed, pulled: summary.pulled, deleted: summary.deleted, conflicts: summary.conflicts })}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {canManage ? (
        <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
          {syncs && frequencies.length ? (
            <div className="flex flex-col gap-1">
              <label htmlFor={frequencyId} className="text-sm font-medium text-slate-800">
                {t('connection.sync')}
              </label>
              <select
                id={frequencyId}
                value={connection.syncFrequency}
                disabled={frequency.isPending}
                onChange={(event) => frequency.mutate(event.target.value)}
                className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm"
                data-testid="integration-frequency"
              >
                {frequencies.map((value) => (
                  <option key={value} value={value}>
                    {t(`frequencies.${value}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {syncs ? (
            <Button type="button" variant="secondary" onClick={() => sync.mutate()} disabled={sync.isPending || attention} data-testid="integration-sync-now">
              {sync.isPending ? t('connection.starting') : t('connection.syncNow')}
            </Button>
          ) : null}
          <ConfirmDialog
            title={t('connection.disconnectTitle', { name })}
            description={level === 'workspace' ? t('connection.disconnectWorkspace', { name }) : t('connection.disconnectYours')}
            confirmLabel={t('connection.disconnect')}
            pending={disconnect.isPending}
            onConfirm={() => disconnect.mutateAsync()}
            trigger={
              <Button type="button" variant="danger-ghost" data-testid="integration-disconnect">
                {t('connection.disconnect')}
              </Button>
            }
          />
        </div>
      ) : null}
      <div className="mt-3">
        <FormAlert message={error} />
      </div>
    </section>
  );
}
