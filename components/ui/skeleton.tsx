import { useTranslations } from 'next-intl';
import { cn } from './cn';

/** A grey placeholder the size of what is loading (loading.tsx files are made of these). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-slate-200', className)} />;
}

/** A page's loading state: a header and a few rows, announced once to screen readers. */
export function PageSkeleton({ rows = 4 }: { rows?: number }) {
  const t = useTranslations('common');
  return (
    <div className="page" role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-3 h-4 w-72 max-w-full" />
      <div className="mt-8 space-y-3">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-16 w-full" />
        ))}
      </div>
    </div>
  );
}
