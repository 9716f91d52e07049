'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from './copy-button';

export interface RevealedSecret {
  title: string;
  secret: string;
  note?: string;
  /** The warning under the title; the default speaks of an API key. */
  warning?: string;
}

/**
 * A secret (an API key, a webhook signing secret), shown once right after it was made.
 * Focus moves here so keyboard and screen-reader users meet the warning first.
 */
export function SecretReveal({ revealed, onDone, testId = 'api-key-secret' }: { revealed: RevealedSecret; onDone: () => void; testId?: string }) {
  const t = useTranslations('developers.secret');
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Mounted afresh (keyed by the secret) for each new secret.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby={titleId} className="rounded-lg border-2 border-amber-400 bg-amber-50 p-5">
      <h2 id={titleId} ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 outline-none">
        {revealed.title}
      </h2>
      <p className="mt-1 text-sm font-semibold text-amber-900">{revealed.warning ?? t('apiKeyWarning')}</p>
      {revealed.note ? <p className="mt-1 text-sm text-slate-700">{revealed.note}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code data-testid={testId} dir="ltr" className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all select-all">
          {revealed.secret}
        </code>
        <CopyButton text={revealed.secret} />
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('done')}
        </Button>
      </div>
    </section>
  );
}
