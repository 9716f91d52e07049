import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';

// The loading and not-found states of each section (its loading.tsx and not-found.tsx files).
// `inset`: the section's layout already gives the page its width and padding (settings,
// developers); otherwise the state is a page of its own (className="page").

function Frame({ inset, children, className }: { inset?: boolean; children: ReactNode; className?: string }) {
  return <div className={cn(inset ? 'w-full' : 'page', className)}>{children}</div>;
}

/** Announced once ("Loading…") to screen readers; the shapes are decoration. */
function Loading({ inset, children }: { inset?: boolean; children: ReactNode }) {
  const t = useTranslations('common');
  return (
    <Frame inset={inset}>
      <div role="status" aria-live="polite" data-testid="loading-skeleton">
        <span className="sr-only">{t('loading')}</span>
        {children}
      </div>
    </Frame>
  );
}

function Heading() {
  return (
    <>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-3 h-4 w-72 max-w-full" />
    </>
  );
}

/** A list page: a heading, a toolbar and rows (goals, habits, teams, clients). */
export function ListSkeleton({ rows = 5, inset }: { rows?: number; inset?: boolean }) {
  return (
    <Loading inset={inset}>
      <Heading />
      <div className="mt-8 flex gap-3">
        <Skeleton className="h-9 w-56 max-w-full" />
        <Skeleton className="ms-auto h-9 w-28" />
      </div>
      <div className="mt-4 space-y-3">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-16 w-full" />
        ))}
      </div>
    </Loading>
  );
}

/** A dashboard: figure cards and a chart. */
export function DashboardSkeleton({ inset }: { inset?: boolean }) {
  return (
    <Loading inset={inset}>
      <Heading />
      <div className="mt-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="mt-6 h-64 w-full" />
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
    </Loading>
  );
}

/** A settings or account form: labelled fields in a card. */
export function FormSkeleton({ fields = 4, inset }: { fields?: number; inset?: boolean }) {
  return (
    <Loading inset={inset}>
      <Heading />
      <div className="mt-8 space-y-5 rounded-lg border border-slate-200 bg-white p-6">
        {Array.from({ length: fields }, (_, i) => (
          <div key={i} className="space-y-2">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-10 w-full max-w-md" />
          </div>
        ))}
        <Skeleton className="h-10 w-32" />
      </div>
    </Loading>
  );
}

/** A table page (operator, payouts). */
export function TableSkeleton({ rows = 8, inset }: { rows?: number; inset?: boolean }) {
  return (
    <Loading inset={inset}>
      <Heading />
      <div className="mt-8 overflow-hidden rounded-lg border border-slate-200 bg-white">
        <Skeleton className="h-10 w-full rounded-none" />
        <div className="divide-y divide-slate-100">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex gap-4 px-4 py-3">
              <Skeleton className="h-4 flex-1" />
              <Skeleton className="h-4 w-20" />
              <Skeleton className="h-4 w-16" />
            </div>
          ))}
        </div>
      </div>
    </Loading>
  );
}

/** The status code, the same in every language. */
const NOT_FOUND_STATUS = '404';

/** Nothing here: what was asked for, and the way back. */
export function SectionNotFound({
  title,
  children,
  backHref,
  backLabel,
  inset,
}: {
  title?: string;
  children?: ReactNode;
  backHref: string;
  backLabel: string;
  inset?: boolean;
}) {
  const t = useTranslations('common');
  return (
    <Frame inset={inset} className="max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">{NOT_FOUND_STATUS}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{title ?? t('notFound.title')}</h1>
      <p className="mt-2 text-slate-600">{children ?? t('notFound.body')}</p>
      <Link href={backHref} className="mt-6 inline-block font-semibold text-brand-text underline">
        {backLabel}
      </Link>
    </Frame>
  );
}
