'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { api } from '@/lib/http/api-client';

/**
 * On every page of a session in which platform support acts as a member: who, how (read-only
 * or not), until when, and "End", which ends the session and goes back to the console.
 */
export function ImpersonationBanner({ member, operatorEmail, readOnly, endsAt, endsAtLabel }: { member: string; operatorEmail: string; readOnly: boolean; endsAt: string; endsAtLabel: string }) {
  const t = useTranslations('operatorTenant.banner');
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = async () => {
    setEnding(true);
    setError(null);
    try {
      const { next } = await api<{ next: string }>('/api/app/impersonation/end', { method: 'POST' });
      window.location.assign(next);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('endFailed'));
      setEnding(false);
    }
  };
  return (
    <div role="region" aria-label={t('label')} data-testid="impersonation-banner" className="border-b-2 border-amber-500 bg-amber-50 text-amber-950">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm sm:px-6">
        <p className="min-w-0 flex-1 break-words">
          {t.rich('acting', {
            operator: operatorEmail,
            member,
            mode: readOnly ? 'readOnly' : 'changes',
            until: endsAtLabel,
            b: (chunks) => <strong>{chunks}</strong>,
            time: (chunks) => <time dateTime={endsAt}>{chunks}</time>,
          })}
        </p>
        <button type="button" onClick={end} disabled={ending} className={buttonClass('secondary', '', 'sm')}>
          {ending ? t('ending') : t('end')}
        </button>
        {error ? (
          <p role="alert" className="w-full text-red-800">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
