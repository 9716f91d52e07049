'use client';

import { useId } from 'react';
import type { ClientType } from './oauth-app-requests';

export const CLIENT_TYPES: { value: ClientType; label: string; explanation: string }[] = [
  {
    value: 'public',
    label: 'Public',
    explanation:
      'Runs where a secret cannot be kept: in the browser, or as a mobile or desktop app. It has no client secret and proves each authorization with PKCE (S256).',
  },
  {
    value: 'confidential',
    label: 'Confidential',
    explanation:
      'Runs on a server you control. It gets a client secret (shown once) to authenticate to the token endpoint, and may also use the client-credentials grant to act for this workspace.',
  },
];

export const clientTypeLabel = (type: ClientType) => CLIENT_TYPES.find((t) => t.value === type)?.label ?? type;

/** Public or confidential, each explained; chosen when the app is registered and fixed afterwards. */
export function ClientTypeField({ value, onChange, error }: { value: ClientType; onChange: (value: ClientType) => void; error?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">Client type</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {CLIENT_TYPES.map((type) => (
          <div key={type.value} className="flex items-start gap-2 rounded-md border border-slate-200 p-3">
            <input
              id={`${id}-${type.value}`}
              type="radio"
              name={`${id}-client-type`}
              value={type.value}
              checked={value === type.value}
              onChange={() => onChange(type.value)}
              aria-describedby={`${id}-${type.value}-explanation`}
              className="mt-1 h-4 w-4 accent-brand"
            />
            <div>
              <label htmlFor={`${id}-${type.value}`} className="text-sm font-semibold text-slate-900">
                {type.label}
              </label>
              <p id={`${id}-${type.value}-explanation`} className="text-xs text-slate-600">
                {type.explanation}
              </p>
            </div>
          </div>
        ))}
      </div>
      <p className="text-xs text-slate-500">The client type cannot be changed later.</p>
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
