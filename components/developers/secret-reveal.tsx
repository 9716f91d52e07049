'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from './copy-button';

export interface RevealedSecret {
  title: string;
  secret: string;
  note?: string;
}

/**
 * A key's secret, shown once right after it was made (the server keeps only its hash).
 * Focus moves here so keyboard and screen-reader users meet the warning first.
 */
export function SecretReveal({ revealed, onDone }: { revealed: RevealedSecret; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Mounted afresh (keyed by the secret) for each new secret.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby="api-key-secret-title" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-5">
      <h2 id="api-key-secret-title" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 outline-none">
        {revealed.title}
      </h2>
      <p className="mt-1 text-sm font-semibold text-amber-900">Copy this key now. You won&apos;t see it again.</p>
      {revealed.note ? <p className="mt-1 text-sm text-slate-700">{revealed.note}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code data-testid="api-key-secret" className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all select-all">
          {revealed.secret}
        </code>
        <CopyButton text={revealed.secret} />
        <Button type="button" variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
