'use client';

import { ChevronLeft, ChevronRight, Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

// The controls above and below a server-paginated list: a search box that waits for a pause
// in typing, compact labelled selects, and a pager. The lists keep their filters in the URL
// (replaceState, no server round trip), so a reload or a shared link shows the same page.

/** Writes the filters into the address bar without navigating; defaults are left out. */
export function replaceQuery(values: Record<string, string | number | undefined>, defaults: Record<string, string | number | undefined> = {}): void {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || value === defaults[key]) continue;
    query.set(key, String(value));
  }
  const search = query.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

export function SearchBox({ label, value, onChange, className }: { label: string; value: string; onChange: (value: string) => void; className?: string }) {
  const t = useTranslations('common');
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The parent changed the value (e.g. "Clear filters"): show it (React's "adjust state while rendering").
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  function type(next: string) {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange(next), 250);
  }

  return (
    <div className={cn('relative w-full sm:max-w-xs', className)}>
      <Search className="pointer-events-none absolute top-1/2 start-3 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
      <input
        type="search"
        aria-label={label}
        placeholder={t('searchPlaceholder', { label })}
        value={text}
        onChange={(e) => type(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          clearTimeout(timer.current);
          onChange(text);
        }}
        className="h-10 w-full rounded-md border border-slate-300 bg-white pe-3 ps-9 text-sm shadow-sm"
      />
    </div>
  );
}

/** A small select with a visible label, for a toolbar. */
export function FilterSelect({ label, value, onChange, options }: { label: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "21–40 of 45" with Previous / Next; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage, label }: { page: number; pageSize: number; total: number; onPage: (page: number) => void; label?: string }) {
  const t = useTranslations('common');
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  return (
    <nav aria-label={label ?? t('pagination')} className="flex items-center justify-between gap-2 text-sm text-slate-600">
      <span>{t('pageRange', { first, last: Math.min(total, page * pageSize), total })}</span>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          <ChevronLeft aria-hidden className="rtl:-scale-x-100" /> {t('previous')}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => onPage(page + 1)} disabled={page >= pageCount}>
          {t('next')} <ChevronRight aria-hidden className="rtl:-scale-x-100" />
        </Button>
      </div>
    </nav>
  );
}
