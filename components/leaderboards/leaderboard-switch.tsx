'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

interface Props {
  /** The route that takes { [field]: boolean } with PUT. */
  endpoint: '/api/app/leaderboards/settings' | '/api/app/leaderboards/participation';
  field: 'enabled' | 'optOut';
  initial: boolean;
  label: string;
  hint: string;
  testId: string;
}

/**
 * One checkbox that saves as soon as it changes: leaderboards on or off for the workspace
 * (Settings) or the member keeping out of them (Account). The page is refreshed, so the main
 * navigation follows.
 */
export function LeaderboardSwitch({ endpoint, field, initial, label, hint, testId }: Props) {
  const router = useRouter();
  const t = useTranslations('leaderboards');
  const hintId = useId();
  const [checked, setChecked] = useState(initial);
  const { alert, status, pending, submit } = useFormSubmit();

  function change(next: boolean) {
    setChecked(next);
    void submit(async () => {
      try {
        await api(endpoint, { method: 'PUT', json: { [field]: next } });
      } catch (error) {
        setChecked(!next);
        throw error;
      }
      router.refresh();
      return t('saved');
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <FormAlert message={alert} />
      <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" className="mt-0.5 size-4 accent-[var(--brand-primary)]" checked={checked} disabled={pending} onChange={(e) => change(e.target.checked)} aria-describedby={hintId} data-testid={testId} />
        {label}
      </label>
      <p id={hintId} className="text-sm text-slate-600">
        {hint}
      </p>
      <FormStatus message={status} />
    </div>
  );
}
