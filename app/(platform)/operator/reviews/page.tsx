import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { OperatorReviewList } from '@/components/marketplace/operator-reviews';
import { Card } from '@/components/ui/card';
import { requireOperator } from '@/lib/auth/require-operator';
import { OPERATOR_REVIEW_FILTERS } from '@/lib/marketplace/rating-schema';
import { operatorReviews } from '@/lib/marketplace/ratings';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorApps.reviews');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function OperatorReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const search = await searchParams;
  const filter = OPERATOR_REVIEW_FILTERS.find((f) => f === search.filter) ?? 'reported';
  const cursor = typeof search.cursor === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(search.cursor) ? search.cursor : undefined;
  const [{ reviews, nextCursor, openReports }, t] = await Promise.all([operatorReviews({ filter, cursor }), getTranslations('operatorApps.reviews')]);
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('description', { count: openReports })}</p>
      </div>
      <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-2 text-sm">
        {OPERATOR_REVIEW_FILTERS.map((f) => (
          <Link key={f} href={f === 'reported' ? '/operator/reviews' : `/operator/reviews?filter=${f}`} aria-current={f === filter ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${f === filter ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}>
            {t(`filters.${f}`)}
          </Link>
        ))}
      </nav>
      <Card>
        {reviews.length === 0 ? <p className="text-sm text-slate-600">{t(`empty.${filter}`)}</p> : <OperatorReviewList reviews={reviews} />}
        {nextCursor ? (
          <p className="mt-4">
            <Link href={`/operator/reviews?${new URLSearchParams({ filter, cursor: nextCursor })}`} className="text-sm text-brand-text underline">
              {t('more')}
            </Link>
          </p>
        ) : null}
      </Card>
    </section>
  );
}
