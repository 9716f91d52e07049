'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { ClientType } from './oauth-app-requests';

/** Each type's label and explanation are in the oauthApps catalog (clientTypes.<type>). */
export const CLIENT_TYPES: ClientType[] = ['public', 'confidential'];

/** Public or confidential, each explained; chosen when the app is registered and fixed afterwards. */
export function ClientTypeField({ value, onChange, error }: { value: ClientType; onChange: (value: ClientType) => void; error?: string }) {
  const t = useTranslations('oauthApps.clientTypes');
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">{t('legend')}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {CLIENT_TYPES.map((type) => (
          <div key={type} className="flex items-start gap-2 rounded-md border border-slate-200 p-3">
            <input
              id={`${id}-${type}`}
              type="radio"
              name={`${id}-client-type`}
              value={type}
              checked={value === type}
              onChange={() => onChange(type)}
              aria-describedby={`${id}-${type}-explanation`}
              className="mt-1 h-4 w-4 accent-brand"
            />
            <div>
              <label htmlFor={`${id}-${type}`} className="text-sm font-semibold text-slate-900">
                {t(`${type}.label`)}
              </label>
              <p id={`${id}-${type}-explanation`} className="text-xs text-slate-600">
                {t(`${type}.explanation`)}
              </p>
            </div>
          </div>
        ))}
      </div>
      <p className="text-xs text-slate-500">{t('fixed')}</p>
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
