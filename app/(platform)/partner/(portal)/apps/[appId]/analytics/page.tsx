import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PartnerAppNav } from '@/components/marketplace/partner-app-nav';
import { HealthFlagBanner } from '@/components/partners/health-flag-banner';
import { PartnerAnalyticsView } from '@/components/partners/partner-analytics-view';
import { Figure } from '@/components/ui/stat-figure';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/problem';
import { ratingSummary } from '@/lib/marketplace/ratings';
import { partnerAnalytics } from '@/lib/partners/analytics/partner-analytics';
import { openFlagsForPartner } from '@/lib/partners/app-health-views';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('analytics') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerAppAnalyticsPage({ params, searchParams }: { params: Promise<{ appId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartner();
  const { appId } = await params;
  const { days } = await searchParams;
  // Scoped to the actor's partner: another partner's app id is a 404 like an unknown one.
  const analytics = await partnerAnalytics(actor, { appId, period: days }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const id = analytics.appId ?? appId;
  const [app, rating, flags] = await Promise.all([
    db.marketplaceApp.findUniqueOrThrow({ where: { id }, select: { slug: true, liveVersion: { select: { name: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } } } }),
    ratingSummary(id),
    openFlagsForPartner(actor, id),
  ]);
  const name = app.liveVersion?.name ?? app.versions[0]?.name ?? app.slug;
  const [t, locale] = await Promise.all([getTranslations('partnerApps'), getLocale()]);
  return (
    <div className="flex flex-col gap-6">
      <PartnerAppNav appId={id} appName={name} current={t('tabs.analytics')} />
      <HealthFlagBanner flags={flags} />
      <PartnerAnalyticsView
        analytics={analytics}
        base={`/partner/apps/${encodeURIComponent(id)}/analytics`}
        extra={
          <Figure
            label={t('analytics.rating')}
            value={rating.average === null ? t('detail.none') : t('analytics.ratingValue', { average: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating.average), count: rating.count })}
            testId="figure-rating"
          />
        }
      />
    </div>
  );
}
