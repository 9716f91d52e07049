'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import type { KeyWithSecret } from './api-key-requests';
import { useCreateApiKey } from './use-api-key-mutations';

export interface ScopeOption {
  scope: string;
  description: string;
}

interface Props {
  /** The scopes the viewer's role may grant. */
  scopes: ScopeOption[];
  /** The tiers the workspace's plan allows, lowest first. */
  tiers: { value: string; label: string }[];
  /** The earliest expiry day to offer (YYYY-MM-DD): today in UTC. */
  minExpiry: string;
  onCreated: (result: KeyWithSecret) => void;
}

/** The first error of a field, or of its items (the allowlist's errors name the line). */
function fieldError(fields: Record<string, string>, name: string, onLine: (line: number, message: string) => string): string | undefined {
  if (fields[name]) return fields[name];
  const item = Object.keys(fields).find((key) => key.startsWith(`${name}.`));
  return item ? onLine(Number(item.slice(name.length + 1)) + 1, fields[item]) : undefined;
}

export function CreateApiKeyForm({ scopes, tiers, minExpiry, onCreated }: Props) {
  const t = useTranslations('apiKeys.form');
  const id = useId();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [tier, setTier] = useState(tiers[0]?.value ?? 'free');
  const [expires, setExpires] = useState('');
  const [allowlist, setAllowlist] = useState('');

  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const alert = create.error && Object.keys(fields).length === 0 ? create.error.message : null;
  const onLine = (line: number, message: string) => t('lineError', { line, message });
  const scopesError = fieldError(fields, 'scopes', onLine);
  const allowlistError = fieldError(fields, 'ipAllowlist', onLine);

  function toggle(scope: string, on: boolean) {
    setChosen((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        name,
        scopes: chosen,
        tier,
        // A key chosen to expire on a day works through that whole day (UTC).
        expiresAt: expires ? new Date(Date.parse(`${expires}T00:00:00Z`) + 86_400_000).toISOString() : null,
        ipAllowlist: allowlist
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      },
      {
        onSuccess: (result) => {
          setName('');
          setChosen([]);
          setExpires('');
          setAllowlist('');
          onCreated(result);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('label')} className="flex flex-col gap-5">
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={fields.name} hint={t('nameHint')} />
      <fieldset aria-describedby={scopesError ? `${id}-scopes-error` : undefined} className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t('scopes')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {scopes.map(({ scope, description }) => (
            <div key={scope} className="flex items-start gap-2 rounded-md border border-slate-200 p-2">
              <input
                id={`${id}-${scope}`}
                type="checkbox"
                checked={chosen.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
                aria-describedby={`${id}-${scope}-description`}
                className="mt-1 h-4 w-4 accent-brand"
              />
              <div>
                <label htmlFor={`${id}-${scope}`} dir="ltr" className="font-mono text-sm font-medium text-slate-900">
                  {scope}
                </label>
                <p id={`${id}-${scope}-description`} className="text-xs text-slate-600">
                  {description}
                </p>
              </div>
            </div>
          ))}
        </div>
        {scopesError ? (
          <p id={`${id}-scopes-error`} className="text-sm text-red-600">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t('tier')} name="tier" value={tier} onChange={(e) => setTier(e.target.value)} error={fields.tier} options={tiers} />
        <TextField
          label={t('expires')}
          name="expiresAt"
          type="date"
          min={minExpiry}
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          error={fields.expiresAt}
          hint={t('expiresHint')}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-allowlist`} className="text-sm font-medium text-slate-800">
          {t('ipAllowlist')}
        </label>
        <textarea
          id={`${id}-allowlist`}
          name="ipAllowlist"
          dir="ltr"
          rows={3}
          value={allowlist}
          onChange={(e) => setAllowlist(e.target.value)}
          placeholder={'203.0.113.7\n198.51.100.0/24'}
          aria-invalid={allowlistError ? true : undefined}
          aria-describedby={`${id}-allowlist-hint${allowlistError ? ` ${id}-allowlist-error` : ''}`}
          className={`rounded-md border bg-white px-3 py-2 font-mono text-sm shadow-sm ${allowlistError ? 'border-red-500' : 'border-slate-300'}`}
        />
        <p id={`${id}-allowlist-hint`} className="text-xs text-slate-500">
          {t('ipAllowlistHint')}
        </p>
        {allowlistError ? (
          <p id={`${id}-allowlist-error`} className="text-sm text-red-600">
            {allowlistError}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t('creating') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
