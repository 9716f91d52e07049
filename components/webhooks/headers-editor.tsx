'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Button } from '@/components/ui/button';

export interface HeaderRow {
  /** Stable across edits, for React. */
  key: number;
  name: string;
  value: string;
}

let nextKey = 0;
export const newHeaderRow = (name = '', value = ''): HeaderRow => ({ key: nextKey++, name, value });

export const MAX_HEADERS = 10;

interface Props {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  error?: string;
}

/** Custom request headers as name/value rows; each input is labelled with its row number. */
export function HeadersEditor({ rows, onChange, error }: Props) {
  const t = useTranslations('webhooks.headers');
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const update = (key: number, change: Partial<HeaderRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <fieldset aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`} className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">{t('legend')}</legend>
      <p id={hintId} className="text-xs text-slate-500">
        {t('hint', { max: MAX_HEADERS })}
      </p>
      {rows.map((row, index) => (
        <div key={row.key} className="flex flex-wrap items-center gap-2">
          <input
            aria-label={t('nameLabel', { row: index + 1 })}
            dir="ltr"
            value={row.name}
            onChange={(e) => update(row.key, { name: e.target.value })}
            placeholder={t('namePlaceholder')}
            maxLength={64}
            className="w-48 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm"
          />
          <input
            aria-label={t('valueLabel', { row: index + 1 })}
            dir="ltr"
            value={row.value}
            onChange={(e) => update(row.key, { value: e.target.value })}
            placeholder={t('valuePlaceholder')}
            maxLength={500}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm"
          />
          <Button type="button" variant="ghost" aria-label={t('removeLabel', { row: index + 1 })} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
            {t('remove')}
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={() => onChange([...rows, newHeaderRow()])} disabled={rows.length >= MAX_HEADERS}>
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
