'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { api, ApiError } from '@/lib/http/api-client';

/** The workspace's switch for the coach, behind the data-use notice the admin confirms having read. */
export function CoachSwitchForm({ enabled, enabledLabel, host, limit }: { enabled: boolean; enabledLabel: string | null; host: string; limit: string }) {
  const t = useTranslations('coach.settings');
  const router = useRouter();
  const [noticeAccepted, setNoticeAccepted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (next: boolean) => api('/api/app/settings/coach', { method: 'PUT', json: { enabled: next, noticeAccepted: next ? noticeAccepted : undefined } }),
    onSuccess: () => {
      setSaved(t('saved'));
      router.refresh();
    },
    onError: () => setSaved(null),
  });
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  return (
    <div className="flex flex-col gap-4">
      <Card title={t('noticeTitle')}>
        <ul className="flex list-disc flex-col gap-2 ps-5 text-sm text-slate-700" data-testid="coach-notice">
          <li>{t('noticeSent', { host })}</li>
          <li>{t('noticeNotSent')}</li>
          <li>{t('noticeKept')}</li>
          <li>{t('noticeBudget', { limit })}</li>
        </ul>
      </Card>
      <FormAlert message={save.error && !fields.noticeAccepted ? save.error.message : undefined} />
      <p className="text-sm font-medium text-slate-900" data-testid="coach-switch-status">
        {enabled && enabledLabel ? t('on', { date: enabledLabel }) : t('off')}
      </p>
      {enabled ? (
        <div>
          <Button variant="secondary" disabled={save.isPending} onClick={() => save.mutate(false)}>
            {t('turnOff')}
          </Button>
        </div>
      ) : (
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(null);
            save.mutate(true);
          }}
        >
          <label className="flex items-start gap-3 text-sm text-slate-800">
            <input type="checkbox" className="mt-1" checked={noticeAccepted} onChange={(event) => setNoticeAccepted(event.target.checked)} aria-describedby={fields.noticeAccepted ? 'coach-notice-error' : undefined} />
            <span>{t('acknowledge', { host })}</span>
          </label>
          {fields.noticeAccepted ? (
            <p id="coach-notice-error" className="text-sm text-red-700">
              {fields.noticeAccepted}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={save.isPending || !noticeAccepted}>
              {t('turnOn')}
            </Button>
          </div>
        </form>
      )}
      <FormStatus message={saved} />
    </div>
  );
}
