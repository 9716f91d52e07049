'use client';

import { AlertTriangle, RotateCw } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

/**
 * What a section's error.tsx shows when rendering it failed: what happened in plain words,
 * Try again (re-fetches and re-renders the section), and a way home. The reference is the
 * digest Next logs on the server with the real error, for support; the message itself never
 * reaches the browser from the server.
 */
export function SectionError({ error, retry, homeHref, homeLabel, inset }: { error: unknown; retry: () => void; homeHref: string; homeLabel: string; inset?: boolean }) {
  const t = useTranslations('common');
  const digest = error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className={cn(inset ? 'w-full' : 'page', 'max-w-lg py-16 text-center')} data-testid="section-error">
      <AlertTriangle className="mx-auto size-8 text-amber-600" aria-hidden />
      <h1 className="mt-3 text-2xl font-bold text-slate-900">{t('sectionError.title')}</h1>
      <p className="mt-2 text-slate-600">{t('sectionError.body')}</p>
      {digest ? (
        <p className="mt-2 text-xs text-slate-500">
          {t.rich('sectionError.reference', { digest, code: (chunks) => <span dir="ltr">{chunks}</span> })}
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        <Button type="button" onClick={() => retry()}>
          <RotateCw className="size-4" aria-hidden />
          {t('tryAgain')}
        </Button>
        <Button asChild variant="secondary">
          <Link href={homeHref}>{homeLabel}</Link>
        </Button>
      </div>
    </div>
  );
}
