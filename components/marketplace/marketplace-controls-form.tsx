'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { ApiError, api } from '@/lib/http/api-client';
import type { MarketplaceControls } from '@/lib/marketplace/workspace-controls';

type Mode = MarketplaceControls['marketplaceMode'];

const MODES = [
  { value: 'all', label: 'modes.all', hint: 'modes.allHint' },
  { value: 'allow_list', label: 'modes.allowList', hint: 'modes.allowListHint' },
  { value: 'hidden', label: 'modes.hidden', hint: 'modes.hiddenHint' },
] as const satisfies { value: Mode; label: string; hint: string }[];

/** Members connecting apps themselves, and what the marketplace shows. */
export function MarketplaceControlsForm({ initial }: { initial: MarketplaceControls }) {
  const t = useTranslations('marketplace.settings');
  const client = useQueryClient();
  const [membersMayConnectApps, setMembers] = useState(initial.membersMayConnectApps);
  const [mode, setMode] = useState<Mode>(initial.marketplaceMode);
  const [allowList, setAllowList] = useState<string[]>(initial.allowList.map((app) => app.id));
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<MarketplaceControls>('/api/app/marketplace/settings', { method: 'PUT', json: { membersMayConnectApps, marketplaceMode: mode, allowList } }),
    onSuccess: (next) => {
      client.setQueryData(['marketplace', 'settings'], next);
      setSaved(t('saved'));
    },
    onError: () => setSaved(null),
  });
  const fieldError = save.error instanceof ApiError ? save.error.fields : {};
  const toggle = (id: string) => setAllowList((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        save.mutate();
      }}
    >
      <FormAlert message={save.error && !Object.keys(fieldError).length ? save.error.message : undefined} />
      <Card title={t('connecting')}>
        <label className="flex items-start gap-3 text-sm text-slate-800">
          <input type="checkbox" className="mt-1" checked={membersMayConnectApps} onChange={(event) => setMembers(event.target.checked)} />
          <span>
            <span className="font-medium">{t('membersMayConnect')}</span>
            <span className="block text-slate-600">{t('membersMayConnectHint')}</span>
          </span>
        </label>
      </Card>
      <Card title={t('marketplace')}>
        <fieldset className="flex flex-col gap-3">
          <legend className="sr-only">{t('whatItShows')}</legend>
          {MODES.map((option) => (
            <label key={option.value} className="flex items-start gap-3 text-sm text-slate-800">
              <input type="radio" name="marketplaceMode" value={option.value} className="mt-1" checked={mode === option.value} onChange={() => setMode(option.value)} />
              <span>
                <span className="font-medium">{t(option.label)}</span>
                <span className="block text-slate-600">{t(option.hint)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {mode === 'allow_list' ? (
          <fieldset className="mt-4 flex flex-col gap-2" aria-describedby={fieldError.allowList ? 'allow-list-error' : undefined}>
            <legend className="text-sm font-semibold text-slate-900">{t('allowedApps')}</legend>
            {initial.choices.length === 0 ? <p className="text-sm text-slate-600">{t('nonePublishedYet')}</p> : null}
            {initial.choices.map((app) => (
              <label key={app.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={allowList.includes(app.id)} onChange={() => toggle(app.id)} />
                {app.name}
              </label>
            ))}
            {fieldError.allowList ? (
              <p id="allow-list-error" className="text-sm text-red-600">
                {fieldError.allowList}
              </p>
            ) : null}
          </fieldset>
        ) : null}
      </Card>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t('save')}
        </Button>
        <FormStatus message={saved} />
      </div>
    </form>
  );
}
