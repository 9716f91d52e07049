'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SIGN_IN_METHOD_KEYS, type SessionView } from '@/lib/account/account-schema';
import { api } from '@/lib/http/api-client';
import { useFormat } from '@/lib/format/format-context';

const QUERY_KEY = ['account-sessions'];

/** The person's sessions on this workspace: where and when, ending one, ending all but this one. */
export function SessionsPanel({ initial }: { initial: SessionView[] }) {
  const t = useTranslations('account.sessions');
  const fmt = useFormat();
  const client = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { data: sessions } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => api<{ sessions: SessionView[] }>('/api/app/account/sessions').then((r) => r.sessions),
    initialData: initial,
  });

  const settle = {
    onError: (error: Error) => setAlert(error.message),
    onSettled: () => client.invalidateQueries({ queryKey: QUERY_KEY }),
  };
  const endOne = useMutation({
    mutationFn: (id: string) => api(`/api/app/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onMutate: () => {
      setAlert(null);
      setStatus(null);
    },
    onSuccess: () => setStatus(t('ended')),
    ...settle,
  });
  const endOthers = useMutation({
    mutationFn: () => api<{ ended: number }>('/api/app/account/sessions/end-others', { method: 'POST' }),
    onMutate: () => {
      setAlert(null);
      setStatus(null);
    },
    onSuccess: ({ ended }) => setStatus(t('endedOthers', { count: ended })),
    ...settle,
  });

  const others = sessions.filter((session) => !session.current).length;
  // "Chrome on macOS", worded here (the server's label is the API's English).
  const deviceOf = (session: SessionView) => {
    const browser = session.browser ?? t('unknownBrowser');
    return session.system ? t('browserOnSystem', { browser, system: session.system }) : browser;
  };
  return (
    <div className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <ul className="flex flex-col divide-y divide-slate-100" aria-label={t('listLabel')}>
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {deviceOf(session)}
                {session.current ? <span className="ms-2 rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800">{t('thisDevice')}</span> : null}
              </p>
              <p className="text-sm text-slate-600">
                {t.rich('where', {
                  ip: session.ip ?? t('unknownIp'),
                  method: t(`methods.${SIGN_IN_METHOD_KEYS[session.method]}`),
                  // An address reads left to right in a right-to-left page too.
                  address: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
                })}
              </p>
              <p className="text-xs text-slate-500">
                {t('when', { signedIn: fmt.dateTime(session.createdAt), lastSeen: fmt.dateTime(session.lastSeenAt) })}
              </p>
            </div>
            {session.current ? null : (
              <Button type="button" variant="secondary" disabled={endOne.isPending} onClick={() => endOne.mutate(session.id)} aria-label={t('endLabel', { session: deviceOf(session), ip: session.ip ?? t('unknownIpInLabel') })}>
                {t('end')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <div>
          <Button type="button" variant="secondary" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
            {t('endOthers')}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t('onlyThis')}</p>
      )}
      <FormStatus message={status} />
    </div>
  );
}
