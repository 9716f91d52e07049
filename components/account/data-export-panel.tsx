'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { api } from '@/lib/http/api-client';
import { useFormat } from '@/lib/format/format-context';
import type { ExportView } from '@/lib/privacy/export';

interface Props {
  initial: ExportView[];
  /** Where exports are listed and asked for: the member's own (default), or the workspace's (Settings › Data). */
  endpoint?: string;
  /** The button and the list's name; the member's own ("Export my data", "Your exports") by default. */
  label?: string;
  listLabel?: string;
}

/** "Download my data" (or the workspace's): ask for an export, watch it get ready, download it. */
export function DataExportPanel({ initial, endpoint = '/api/app/account/exports', label, listLabel }: Props) {
  const t = useTranslations('account.dataExport');
  const queryKey = ['exports', endpoint];
  const fmt = useFormat();
  const client = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const { data: exports } = useQuery({
    queryKey,
    queryFn: () => api<{ exports: ExportView[] }>(endpoint).then((r) => r.exports),
    initialData: initial,
    // While one is being built, look again every few seconds.
    refetchInterval: (query) => (query.state.data?.some((row) => row.status === 'pending') ? 3000 : false),
  });
  const ask = useMutation({
    mutationFn: () => api<ExportView>(endpoint, { method: 'POST' }),
    onMutate: () => setAlert(null),
    onError: (error: Error) => setAlert(error.message),
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <div>
        <Button type="button" onClick={() => ask.mutate()} disabled={ask.isPending}>
          {ask.isPending ? t('asking') : (label ?? t('exportMine'))}
        </Button>
      </div>
      {ask.isSuccess ? <FormStatus message={t('preparing')} /> : null}
      {exports.length ? (
        <ul className="flex flex-col gap-2 text-sm" aria-label={listLabel ?? t('yourExports')}>
          {exports.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3" data-testid="data-export">
              <span>
                {row.status === 'ready'
                  ? t('ready', { created: fmt.dateTime(row.createdAt), size: fmt.number(Math.max(1, Math.round((row.size ?? 0) / 1024))), until: fmt.date(row.expiresAt) })
                  : row.status === 'pending'
                    ? t('pending', { created: fmt.dateTime(row.createdAt) })
                    : t('failed', { created: fmt.dateTime(row.createdAt) })}
              </span>
              {row.downloadUrl ? (
                <a href={row.downloadUrl} download className="font-semibold text-brand-text underline">
                  {t('download')}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
