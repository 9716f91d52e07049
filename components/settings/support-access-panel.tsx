'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import type { SupportAccess } from '@/lib/platform/support-access';

/** The workspace's side of platform support acting as members: owners require approval, approve, deny, end. */
export function SupportAccessPanel({ access, canDecide }: { access: SupportAccess; canDecide: boolean }) {
  const t = useTranslations('supportAccess');
  const router = useRouter();
  const format = useFormat();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (key: string, call: () => Promise<unknown>) => {
    setPending(key);
    setError(null);
    try {
      await call();
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
    setPending(null);
  };

  return (
    <div className="flex flex-col gap-6">
      <FormAlert message={error} />
      <Card>
        <label className="flex items-start gap-3 text-sm text-slate-800">
          <input
            type="checkbox"
            className="mt-0.5 size-4"
            checked={access.requireApproval}
            disabled={!canDecide || pending !== null}
            onChange={(event) => run('setting', () => api('/api/app/support-access', { method: 'PUT', json: { requireApproval: event.target.checked } }))}
          />
          <span>
            <span className="font-semibold text-slate-900">{t('requireApproval')}</span>
            <span className="block text-slate-600">{t('requireApprovalHint')}</span>
          </span>
        </label>
      </Card>
      <section aria-labelledby="requests-heading" className="flex flex-col gap-3">
        <h2 id="requests-heading" className="text-lg font-semibold text-slate-900">
          {t('requests')}
        </h2>
        {access.requests.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : null}
        <ul className="flex flex-col gap-2">
          {access.requests.map((request) => (
            <li key={request.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="support-access-request">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={request.state === 'pending' ? 'warning' : request.state === 'active' ? 'danger' : 'neutral'}>{t(`states.${request.state}`)}</Badge>
                <span className="min-w-0 break-words">
                  {t.rich('summary', {
                    operator: request.operatorEmail,
                    member: request.member.name ?? request.member.email,
                    mode: request.readOnly ? 'readOnly' : 'changes',
                    minutes: request.minutes,
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </span>
              </div>
              <p className="break-words text-slate-700">{t('reason', { reason: request.reason, when: format.dateTime(request.createdAt) })}</p>
              {canDecide && request.state === 'pending' ? (
                <div className="flex gap-2">
                  <button type="button" disabled={pending !== null} className={buttonClass('primary', '', 'sm')} onClick={() => run(request.id, () => api(`/api/app/support-access/${request.id}`, { method: 'POST', json: { decision: 'approve' } }))}>
                    {t('approve')}
                  </button>
                  <button type="button" disabled={pending !== null} className={buttonClass('secondary', '', 'sm')} onClick={() => run(request.id, () => api(`/api/app/support-access/${request.id}`, { method: 'POST', json: { decision: 'deny' } }))}>
                    {t('deny')}
                  </button>
                </div>
              ) : null}
              {canDecide && request.state === 'active' ? (
                <button type="button" disabled={pending !== null} className={buttonClass('secondary', 'self-start', 'sm')} onClick={() => run(request.id, () => api(`/api/app/support-access/${request.id}`, { method: 'DELETE' }))}>
                  {t('end')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
