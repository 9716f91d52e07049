import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PartnerAppNav } from '@/components/marketplace/partner-app-nav';
import { HealthFlagBanner } from '@/components/partners/health-flag-banner';
import { PartnerAnalyticsView } from '@/components/partners/partner-analytics-view';
import { Figure } from '@/components/ui/stat-figure';
import { db } from '@/lib/db/client';
import { createFormatter } from '@/lib/format/formatter';
import { AppError } from '@/lib/http/problem';
import { ratingSummary } from '@/lib/marketplace/ratings';
import { partnerAnalytics } from '@/lib/partners/analytics/partner-analytics';
import { openFlagsForPartner } from '@/lib/partners/app-health-views';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Analytics · Partner' };
export const dynamic = 'force-dynamic';

const fmt = createFormatter();

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
  return (
    <div className="flex flex-col gap-6">
      <PartnerAppNav appId={id} appName={name} current="Analytics" />
      <HealthFlagBanner flags={flags} />
      <PartnerAnalyticsView
        analytics={analytics}
        base={`/partner/apps/${encodeURIComponent(id)}/analytics`}
        extra={<Figure label="Rating" value={rating.average === null ? '—' : `${rating.average.toFixed(1)} (${fmt.plural(rating.count, { one: 'review', other: 'reviews' })})`} testId="figure-rating" />}
      />
    </div>
  );
}
