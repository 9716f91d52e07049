'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';

const TONES = {
  light: { button: buttonClass('primary'), status: 'text-sm text-slate-700' },
  dark: { button: 'rounded border border-slate-600 px-2 py-1 text-xs text-slate-200 hover:bg-slate-700', status: 'text-xs text-slate-300' },
};

/** Copies text to the clipboard and says so where screen readers hear it. */
export function CopyButton({ text, label, tone = 'light' }: { text: string; label?: string; tone?: keyof typeof TONES }) {
  const t = useTranslations('developers.copy');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    // Laid out beside what it copies (never over it): it keeps its width and wraps its status below when short of room.
    <span className="inline-flex shrink-0 flex-wrap items-center gap-x-2 gap-y-1">
      <button type="button" onClick={copy} aria-label={label} className={`shrink-0 whitespace-nowrap ${TONES[tone].button}`}>
        {t('copy')}
      </button>
      <span role="status" className={TONES[tone].status}>
        {state === 'copied' ? t('copied') : state === 'failed' ? t('failed') : null}
      </span>
    </span>
  );
}
