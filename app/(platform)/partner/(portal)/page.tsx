import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { HealthFlagBanner } from '@/components/partners/health-flag-banner';
import { PartnerAnalyticsView } from '@/components/partners/partner-analytics-view';
import { db } from '@/lib/db/client';
import { createFormatter } from '@/lib/format/formatter';
import { partnerAnalytics } from '@/lib/partners/analytics/partner-analytics';
import { openFlagsForPartner } from '@/lib/partners/app-health-views';
import { getPartnerOverview } from '@/lib/partners/partners';
import { requirePartner } from '@/lib/partners/partner-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.portal'))('title') };
}
export const dynamic = 'force-dynamic';

function Stat({ label, value, href, testId }: { label: string; value: string; href: string; testId: string }) {
  return (
    <Link href={href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold wrap-anywhere text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
    </Link>
  );
}

export default async function PartnerOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartner();
  const { days } = await searchParams;
  const [overview, analytics, flags, appRows, t, locale] = await Promise.all([
    getPartnerOverview(actor),
    partnerAnalytics(actor, { period: days }),
    openFlagsForPartner(actor),
    db.marketplaceApp.findMany({ where: { partnerId: actor.partnerId }, select: { id: true, slug: true, liveVersion: { select: { name: true } } } }),
    getTranslations('partner.overview'),
    getLocale(),
  ]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const { partner, agreement, sandbox, apps, people } = overview;
  const appNames = Object.fromEntries(appRows.map((a) => [a.id, a.liveVersion?.name ?? a.slug]));
  const agreementLink = (chunks: ReactNode) => (
    <Link href="/partner/agreement" className="font-semibold text-brand-text underline">
      {chunks}
    </Link>
  );
  return (
    <div className="flex flex-col gap-6">
      <HealthFlagBanner flags={flags} linkApps />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t('apps')} value={fmt.number(apps.total)} href="/partner/apps" testId="apps-total" />
        <Stat label={t('published')} value={fmt.number(apps.published)} href="/partner/apps" testId="apps-published" />
        <Stat label={t('inReview')} value={fmt.number(apps.inReview)} href="/partner/apps" testId="apps-in-review" />
        <Stat label={t('people')} value={fmt.number(people.users)} href="/partner/team" testId="people-total" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('sandbox.title')} description={t('sandbox.description')}>
          {sandbox ? (
            <p className="text-sm">
              {t.rich('sandbox.link', {
                name: sandbox.name,
                url: sandbox.url.replace(/^https?:\/\//, ''),
                link: (chunks) => (
                  <a href={sandbox.url} className="font-semibold break-all text-brand-text underline" data-testid="sandbox-link">
                    {chunks}
                  </a>
                ),
                address: (chunks) => (
                  <span className="break-all text-slate-600" dir="ltr">
                    {chunks}
                  </span>
                ),
              })}
            </p>
          ) : (
            <p className="text-sm text-slate-600">{t('sandbox.notYet')}</p>
          )}
        </Card>
        <Card title={t('agreement.title')}>
          {agreement.state === 'current' ? (
            <p className="text-sm text-slate-700" data-testid="agreement-state">
              {t('agreement.accepted', {
                version: agreement.version ?? '',
                hasDate: agreement.acceptedAt ? 'yes' : 'no',
                date: agreement.acceptedAt ? fmt.date(agreement.acceptedAt) : '',
                hasBy: agreement.acceptedBy ? 'yes' : 'no',
                by: agreement.acceptedBy ?? '',
              })}
            </p>
          ) : (
            <p className="text-sm text-slate-700" data-testid="agreement-state">
              {agreement.state === 'never'
                ? t.rich('agreement.never', { link: agreementLink })
                : t.rich('agreement.outdated', { version: agreement.version ?? '', current: agreement.current, link: agreementLink })}
            </p>
          )}
        </Card>
      </div>
      <section aria-labelledby="analytics-heading" className="flex flex-col gap-4">
        <h2 id="analytics-heading" className="text-xl font-semibold text-slate-900">
          {t('allApps')}
        </h2>
        <PartnerAnalyticsView analytics={analytics} base="/partner" appNames={appNames} />
      </section>
      <Card title={t('profile.title')} description={t('profile.description')}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">{t('profile.website')}</dt>
          <dd className="break-all" dir={partner.website ? 'ltr' : undefined}>
            {partner.website ?? t('none')}
          </dd>
          <dt className="text-slate-600">{t('profile.supportEmail')}</dt>
          <dd className="break-all" dir={partner.supportEmail ? 'ltr' : undefined}>
            {partner.supportEmail ?? t('none')}
          </dd>
          <dt className="text-slate-600">{t('profile.since')}</dt>
          <dd>{fmt.date(partner.createdAt)}</dd>
        </dl>
        {partner.statusReason && partner.status !== 'active' ? <p className="mt-4 text-sm text-slate-700">{t('profile.note', { reason: partner.statusReason })}</p> : null}
        <Link href="/partner/profile" className="mt-4 inline-block text-sm font-semibold text-brand-text underline">
          {t('profile.edit')}
        </Link>
      </Card>
    </div>
  );
}
