import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InstallsChart, RequestsChart } from '@/components/marketplace/install-charts';
import { PartnerAppNav } from '@/components/marketplace/partner-app-nav';
import { Card } from '@/components/ui/card';
import { db } from '@/lib/db/client';
import { createFormatter } from '@/lib/format/formatter';
import { AppError } from '@/lib/http/problem';
import { partnerInstallStats } from '@/lib/marketplace/install-stats';
import { ratingSummary } from '@/lib/marketplace/ratings';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Analytics · Partner' };
export const dynamic = 'force-dynamic';

const WINDOWS = [7, 30, 90] as const;
const fmt = createFormatter();

export default async function PartnerAppAnalyticsPage({ params, searchParams }: { params: Promise<{ appId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartner();
  const { appId } = await params;
  const search = await searchParams;
  const days = WINDOWS.find((d) => String(d) === search.days) ?? 30;
  const stats = await partnerInstallStats(actor, appId, { days }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [app, rating] = await Promise.all([
    db.marketplaceApp.findUniqueOrThrow({ where: { id: stats.appId }, select: { slug: true, liveVersion: { select: { name: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } } } }),
    ratingSummary(stats.appId),
  ]);
  const name = app.liveVersion?.name ?? app.versions[0]?.name ?? app.slug;
  const base = `/partner/apps/${encodeURIComponent(stats.appId)}/analytics`;
  const figures = [
    { label: 'Active installs', value: fmt.number(stats.totals.active), testId: 'figure-active' },
    { label: `Installs, last ${days} days`, value: fmt.number(stats.totals.installs), testId: 'figure-installs' },
    { label: `Uninstalls, last ${days} days`, value: fmt.number(stats.totals.uninstalls), testId: 'figure-uninstalls' },
    { label: `API requests, last ${days} days`, value: fmt.number(stats.totals.requests), testId: 'figure-requests' },
    { label: 'Rating', value: rating.average === null ? '—' : `${rating.average.toFixed(1)} (${fmt.plural(rating.count, { one: 'review', other: 'reviews' })})`, testId: 'figure-rating' },
  ];
  return (
    <div className="flex flex-col gap-6">
      <PartnerAppNav appId={stats.appId} appName={name} current="Analytics" />
      <nav aria-label="Time window" className="flex flex-wrap gap-2 text-sm">
        {WINDOWS.map((d) => (
          <Link key={d} href={d === 30 ? base : `${base}?days=${d}`} aria-current={d === days ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${d === days ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}>
            Last {d} days
          </Link>
        ))}
      </nav>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-xs text-slate-600">{figure.label}</dt>
            <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums" data-testid={figure.testId}>
              {figure.value}
            </dd>
          </div>
        ))}
      </dl>
      <Card title="Installations" description="Installs and uninstalls per day, and the installations active at the end of each day. Installs in your sandbox workspace are not counted.">
        <InstallsChart days={stats.days} />
      </Card>
      <Card title="API requests" description="Requests your app made to workspaces' APIs with its installation tokens.">
        <RequestsChart days={stats.days} />
      </Card>
    </div>
  );
}
