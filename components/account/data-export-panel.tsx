'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { api } from '@/lib/http/api-client';
import { useFormat } from '@/lib/format/format-context';
import type { ExportView } from '@/lib/privacy/export';

const QUERY_KEY = ['account-exports'];

/** "Download my data": ask for an export, watch it get ready, download it. */
export function DataExportPanel({ initial }: { initial: ExportView[] }) {
  const fmt = useFormat();
  const client = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const { data: exports } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => api<{ exports: ExportView[] }>('/api/app/account/exports').then((r) => r.exports),
    initialData: initial,
    // While one is being built, look again every few seconds.
    refetchInterval: (query) => (query.state.data?.some((row) => row.status === 'pending') ? 3000 : false),
  });
  const ask = useMutation({
    mutationFn: () => api<ExportView>('/api/app/account/exports', { method: 'POST' }),
    onMutate: () => setAlert(null),
    onError: (error: Error) => setAlert(error.message),
    onSettled: () => client.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <div>
        <Button type="button" onClick={() => ask.mutate()} disabled={ask.isPending}>
          {ask.isPending ? 'Asking…' : 'Export my data'}
        </Button>
      </div>
      {ask.isSuccess ? <FormStatus message="We are preparing your file. It shows here when ready, and we email you." /> : null}
      {exports.length ? (
        <ul className="flex flex-col gap-2 text-sm" aria-label="Your exports">
          {exports.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3" data-testid="data-export">
              <span>
                {fmt.dateTime(row.createdAt)} · {row.status === 'ready' ? `ready (${fmt.number(Math.max(1, Math.round((row.size ?? 0) / 1024)))} KB), until ${fmt.date(row.expiresAt)}` : row.status === 'pending' ? 'being prepared…' : 'failed: ask again'}
              </span>
              {row.downloadUrl ? (
                <a href={row.downloadUrl} download className="font-semibold text-brand-text underline">
                  Download
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
