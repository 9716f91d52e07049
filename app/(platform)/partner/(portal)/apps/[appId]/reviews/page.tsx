import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PartnerAppNav } from '@/components/marketplace/partner-app-nav';
import { PartnerReviewList } from '@/components/marketplace/partner-reviews';
import { RatingSummaryView } from '@/components/marketplace/review-parts';
import { Card } from '@/components/ui/card';
import { AppError } from '@/lib/http/problem';
import { PARTNER_REVIEW_FILTERS } from '@/lib/marketplace/rating-schema';
import { partnerReviews } from '@/lib/marketplace/ratings';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('reviews') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerAppReviewsPage({ params, searchParams }: { params: Promise<{ appId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartner();
  const { appId } = await params;
  const search = await searchParams;
  const filter = PARTNER_REVIEW_FILTERS.find((f) => f === search.filter) ?? 'all';
  const cursor = typeof search.cursor === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(search.cursor) ? search.cursor : undefined;
  const data = await partnerReviews(actor, appId, { filter, cursor }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const t = await getTranslations('partnerApps');
  const canReply = actor.partner.status === 'active' && actor.role !== 'billing';
  const base = `/partner/apps/${encodeURIComponent(data.app.id)}/reviews`;
  return (
    <div className="flex flex-col gap-6">
      <PartnerAppNav appId={data.app.id} appName={data.app.name} current={t('tabs.reviews')} />
      <Card title={t('reviews.ratingTitle')} description={t('reviews.ratingDescription')}>
        <RatingSummaryView summary={data.summary} />
      </Card>
      <Card title={t('tabs.reviews')}>
        <nav aria-label={t('reviews.filter')} className="mb-2 flex flex-wrap gap-2 text-sm">
          {PARTNER_REVIEW_FILTERS.map((f) => (
            <Link key={f} href={f === 'all' ? base : `${base}?filter=${f}`} aria-current={f === filter ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${f === filter ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}>
              {t(`reviews.filters.${f}`)}
            </Link>
          ))}
        </nav>
        {data.reviews.length === 0 ? (
          <p className="py-4 text-sm text-slate-600">{filter === 'all' ? t('reviews.emptyAll') : t('reviews.empty')}</p>
        ) : (
          <PartnerReviewList appId={data.app.id} reviews={data.reviews} canReply={canReply} partnerName={actor.partner.name} />
        )}
        {!canReply && data.reviews.some((r) => !r.reply && !r.hidden) ? <p className="mt-2 text-xs text-slate-600">{t('reviews.whoReplies')}</p> : null}
        {data.nextCursor ? (
          <p className="mt-4">
            <Link href={`${base}?${new URLSearchParams({ ...(filter === 'all' ? {} : { filter }), cursor: data.nextCursor })}`} className="text-sm text-brand-text underline">
              {t('reviews.older')}
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
