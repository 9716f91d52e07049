'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { CopyButton } from '../copy-button';

export interface CodeSample {
  id: string;
  label: string;
  code: string;
}

/**
 * Code samples in tabs, keyboard-operable as the ARIA tabs pattern describes: arrow keys
 * move between tabs (and select them), Home and End jump to the ends.
 */
export function CodeTabs({ samples, label }: { samples: CodeSample[]; label: string }) {
  const t = useTranslations('docs');
  const id = useId();
  const [active, setActive] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function select(index: number) {
    const next = (index + samples.length) % samples.length;
    setActive(next);
    tabs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    // Right to left, the next tab is the one on the left.
    const step = getComputedStyle(event.currentTarget).direction === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = { ArrowRight: active + step, ArrowLeft: active - step, Home: 0, End: samples.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(moves[event.key]);
  }

  const current = samples[active];
  return (
    <div className="overflow-hidden rounded-lg border border-slate-800 bg-slate-900">
      {/* The Copy button sits in the tab bar, beside the tabs, so it never covers the code. */}
      <div className="flex flex-wrap items-end justify-between gap-2 border-b border-slate-700 px-2 pt-2">
        <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex flex-wrap gap-1">
          {samples.map((sample, i) => (
            <button
              key={sample.id}
              ref={(element) => {
                tabs.current[i] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${sample.id}`}
              aria-selected={i === active}
              aria-controls={`${id}-panel-${sample.id}`}
              tabIndex={i === active ? 0 : -1}
              onClick={() => setActive(i)}
              className={`rounded-t-md px-3 py-1.5 text-xs font-semibold ${i === active ? 'bg-slate-800 text-white' : 'text-slate-300 hover:text-white'}`}
            >
              {sample.label}
            </button>
          ))}
        </div>
        <div className="pb-1.5">
          <CopyButton text={current.code} label={t('copySample', { label: current.label })} tone="dark" />
        </div>
      </div>
      {samples.map((sample, i) => (
        // The panel itself scrolls, and is in the tab order so keyboard users can scroll it.
        <pre
          key={sample.id}
          role="tabpanel"
          id={`${id}-panel-${sample.id}`}
          aria-labelledby={`${id}-tab-${sample.id}`}
          hidden={i !== active}
          tabIndex={0}
          dir="ltr"
          className="overflow-x-auto p-4 font-mono text-xs leading-5 text-slate-100"
        >
          <code>{sample.code}</code>
        </pre>
      ))}
    </div>
  );
}
