'use client';

import { useId } from 'react';

export interface ScopeOption {
  scope: string;
  description: string;
}

interface Props {
  legend: string;
  hint?: string;
  scopes: ScopeOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** Scopes as checkboxes, each with its description read out with it. */
export function ScopePicker({ legend, hint, scopes, value, onChange, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  function toggle(scope: string, on: boolean) {
    onChange(on ? [...value, scope] : value.filter((s) => s !== scope));
  }

  return (
    <fieldset aria-describedby={describedBy} className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {scopes.map(({ scope, description }) => (
          <div key={scope} className="flex items-start gap-2 rounded-md border border-slate-200 p-2">
            <input
              id={`${id}-${scope}`}
              type="checkbox"
              checked={value.includes(scope)}
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
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
