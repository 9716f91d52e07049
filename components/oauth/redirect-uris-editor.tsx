'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Button } from '@/components/ui/button';

export interface UriRow {
  /** Stable across edits, for React. */
  key: number;
  value: string;
}

let nextKey = 0;
export const newUriRow = (value = ''): UriRow => ({ key: nextKey++, value });

export const MAX_REDIRECT_URIS = 10;

interface Props {
  rows: UriRow[];
  onChange: (rows: UriRow[]) => void;
  error?: string;
}

/** The app's redirect URIs, one per row; each input is labelled with its row number. */
export function RedirectUrisEditor({ rows, onChange, error }: Props) {
  const t = useTranslations('oauthApps.redirectUris');
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const update = (key: number, value: string) => onChange(rows.map((row) => (row.key === key ? { ...row, value } : row)));

  return (
    <fieldset aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`} className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">{t('legend')}</legend>
      <p id={hintId} className="text-xs text-slate-500">
        {t('hint', { max: MAX_REDIRECT_URIS })}
      </p>
      {rows.map((row, index) => (
        <div key={row.key} className="flex flex-wrap items-center gap-2">
          <input
            type="url"
            aria-label={t('uriLabel', { row: index + 1 })}
            dir="ltr"
            value={row.value}
            onChange={(e) => update(row.key, e.target.value)}
            placeholder="https://example.com/oauth/callback"
            maxLength={2048}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm"
          />
          <Button type="button" variant="ghost" aria-label={t('removeLabel', { row: index + 1 })} disabled={rows.length === 1} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
            {t('remove')}
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={() => onChange([...rows, newUriRow()])} disabled={rows.length >= MAX_REDIRECT_URIS}>
          {t('add')}
        </Button>
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
