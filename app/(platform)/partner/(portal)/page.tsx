import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { FormattedDate } from '@/components/ui/formatted';
import { HealthFlagBanner } from '@/components/partners/health-flag-banner';
import { PartnerAnalyticsView } from '@/components/partners/partner-analytics-view';
import { db } from '@/lib/db/client';
import { partnerAnalytics } from '@/lib/partners/analytics/partner-analytics';
import { openFlagsForPartner } from '@/lib/partners/app-health-views';
import { getPartnerOverview } from '@/lib/partners/partners';
import { requirePartner } from '@/lib/partners/partner-session';

export const metadata: Metadata = { title: 'Partner portal' };
export const dynamic = 'force-dynamic';

function Stat({ label, value, href, testId }: { label: string; value: number; href: string; testId: string }) {
  return (
    <Link href={href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
    </Link>
  );
}

export default async function PartnerOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartner();
  const { days } = await searchParams;
  const [overview, analytics, flags, appRows] = await Promise.all([
    getPartnerOverview(actor),
    partnerAnalytics(actor, { period: days }),
    openFlagsForPartner(actor),
    db.marketplaceApp.findMany({ where: { partnerId: actor.partnerId }, select: { id: true, slug: true, liveVersion: { select: { name: true } } } }),
  ]);
  const { partner, agreement, sandbox, apps, people } = overview;
  const appNames = Object.fromEntries(appRows.map((a) => [a.id, a.liveVersion?.name ?? a.slug]));
  return (
    <div className="flex flex-col gap-6">
      <HealthFlagBanner flags={flags} linkApps />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Apps" value={apps.total} href="/partner/apps" testId="apps-total" />
        <Stat label="Published" value={apps.published} href="/partner/apps" testId="apps-published" />
        <Stat label="In review" value={apps.inReview} href="/partner/apps" testId="apps-in-review" />
        <Stat label="People" value={people.users} href="/partner/team" testId="people-total" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Sandbox workspace" description="Install and try your unpublished apps here, with demo goals, habits and a team. Sign in with your partner email and password.">
          {sandbox ? (
            <p className="text-sm">
              <a href={sandbox.url} className="font-semibold break-all text-brand-text underline" data-testid="sandbox-link">
                {sandbox.name}
              </a>{' '}
              <span className="break-all text-slate-600">({sandbox.url.replace(/^https?:\/\//, '')})</span>
            </p>
          ) : (
            <p className="text-sm text-slate-600">Your sandbox is made when the Waypoint team approves your application.</p>
          )}
        </Card>
        <Card title="Partner agreement">
          {agreement.state === 'current' ? (
            <p className="text-sm text-slate-700" data-testid="agreement-state">
              Version {agreement.version} accepted{agreement.acceptedAt ? <> on <FormattedDate value={agreement.acceptedAt} /></> : null}
              {agreement.acceptedBy ? ` by ${agreement.acceptedBy}` : ''}.
            </p>
          ) : (
            <p className="text-sm text-slate-700" data-testid="agreement-state">
              {agreement.state === 'never' ? 'Not accepted yet.' : `Version ${agreement.version} accepted; version ${agreement.current} must be accepted.`}{' '}
              <Link href="/partner/agreement" className="font-semibold text-brand-text underline">
                Read the agreement
              </Link>
            </p>
          )}
        </Card>
      </div>
      <section aria-labelledby="analytics-heading" className="flex flex-col gap-4">
        <h2 id="analytics-heading" className="text-xl font-semibold text-slate-900">
          All your apps
        </h2>
        <PartnerAnalyticsView analytics={analytics} base="/partner" appNames={appNames} />
      </section>
      <Card title="Profile" description="What workspaces see of your company next to your apps.">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">Website</dt>
          <dd className="break-all">{partner.website ?? '—'}</dd>
          <dt className="text-slate-600">Support email</dt>
          <dd className="break-all">{partner.supportEmail ?? '—'}</dd>
          <dt className="text-slate-600">Partner since</dt>
          <dd>
            <FormattedDate value={partner.createdAt} />
          </dd>
        </dl>
        {partner.statusReason && partner.status !== 'active' ? <p className="mt-4 text-sm text-slate-700">Note from the Waypoint team: {partner.statusReason}</p> : null}
        <Link href="/partner/profile" className="mt-4 inline-block text-sm font-semibold text-brand-text underline">
          Edit the profile
        </Link>
      </Card>
    </div>
  );
}
