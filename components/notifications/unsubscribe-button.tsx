'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { api } from '@/lib/http/api-client';

/** Confirms the unsubscribe the link asked for (a GET never unsubscribes by itself). */
export function UnsubscribeButton({ query, label }: { query: string; label: string }) {
  const t = useTranslations('notifications.unsubscribe');
  const [state, setState] = useState<'idle' | 'pending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setState('pending');
    setError(null);
    try {
      await api(`/api/notifications/unsubscribe?${query}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      setState('done');
    } catch (e) {
      setError(e instanceof Error ? e.message : t('failed'));
      setState('idle');
    }
  }
  if (state === 'done') {
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {t('done', { label })}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormAlert message={error} />
      <Button onClick={() => void confirm()} disabled={state === 'pending'}>
        {state === 'pending' ? t('pending') : t('button')}
      </Button>
    </div>
  );
}
