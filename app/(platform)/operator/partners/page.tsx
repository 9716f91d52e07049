import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PartnerDecisionButtons } from '@/components/partners/operator-partner-actions';
import { PartnerTermsForm, PartnerTierForm, type PartnerTermsValue } from '@/components/payouts/partner-terms-forms';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/require-operator';
import { db } from '@/lib/db/client';
import { tenantOrigin } from '@/lib/config/env';
import { CURRENT_AGREEMENT } from '@/lib/partners/agreement';
import { PARTNER_STATUSES } from '@/lib/partners/partner-schema';
import { listPartnerTiers, type PartnerTierRow } from '@/lib/partners/partner-payout-terms';
import { listPartnersForOperator, parsePartnerStatusFilter, type OperatorPartnerRow } from '@/lib/partners/partners';
import type { Formatter } from '@/lib/format/formatter';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import { formatRate } from '@/lib/resellers/money';

type Words = Awaited<ReturnType<typeof getTranslations<'operatorPartners'>>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorPartners');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

const STATUS_TONE = { applied: 'warning', active: 'success', rejected: 'neutral', suspended: 'danger' } as const;

function PartnerItem({ partner, terms, tiers, t, format }: { partner: OperatorPartnerRow; terms?: PartnerTermsValue; tiers?: PartnerTierRow[]; t: Words; format: Formatter }) {
  const owners = partner.owners.length ? partner.owners.join(', ') : partner.pendingContact ? t('item.pendingContact', { email: partner.pendingContact }) : t('item.noOwner');
  const agreement = partner.status !== 'active' ? 'none' : partner.agreementVersion === CURRENT_AGREEMENT.version ? 'current' : partner.agreementVersion ? 'outdated' : 'missing';
  return (
    <li className="flex flex-col gap-3 py-4" data-testid={`partner-row-${partner.slug}`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold text-slate-900">{partner.name}</h3>
            <Badge tone={STATUS_TONE[partner.status]}>{t(`statuses.${partner.status}`)}</Badge>
          </div>
          <p className="mt-1 text-sm break-all text-slate-600">
            {t('item.contact', { website: partner.website ?? t('item.noWebsite'), owners })}
          </p>
          <p className="text-xs text-slate-500">
            {t('item.meta', {
              applied: format.date(partner.createdAt),
              hasDecided: partner.decidedAt ? 'yes' : 'no',
              decided: partner.decidedAt ? format.date(partner.decidedAt) : '',
              appCount: partner.appCount,
              agreement,
            })}
          </p>
        </div>
        <PartnerDecisionButtons partnerId={partner.id} name={partner.name} status={partner.status} />
      </div>
      {partner.applicationNote ? <p className="rounded-md bg-slate-50 px-3 py-2 text-sm whitespace-pre-line text-slate-700">{partner.applicationNote}</p> : null}
      {partner.statusReason ? <p className="text-sm text-slate-700">{t('item.reason', { reason: partner.statusReason })}</p> : null}
      {terms && tiers ? <PartnerTermsForm partnerId={partner.id} name={partner.name} terms={terms} tiers={tiers} /> : null}
      <p className="flex flex-wrap gap-x-4 text-sm">
        {partner.sandboxSlug ? (
          <a href={tenantOrigin(partner.sandboxSlug)} className="text-brand-text underline">
            {t('item.sandbox')}
          </a>
        ) : null}
        <Link href={`/operator/audit?targetType=partner&targetId=${encodeURIComponent(partner.id)}`} className="text-brand-text underline">
          {t('item.history')}
        </Link>
      </p>
    </li>
  );
}

export default async function OperatorPartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const status = parsePartnerStatusFilter((await searchParams).status);
  const [partners, tiers, termRows, t, format] = await Promise.all([
    listPartnersForOperator(status),
    listPartnerTiers(),
    db.partner.findMany({ where: { status: { not: 'applied' } }, select: { id: true, tierId: true, stripeConnectAccountId: true, payoutMinimumCents: true, holdingDays: true } }),
    getTranslations('operatorPartners'),
    getPlatformFormatter(),
  ]);
  const terms = new Map(termRows.map(({ id, ...row }) => [id, row]));
  const applications = partners.filter((partner) => partner.status === 'applied');
  const others = partners.filter((partner) => partner.status !== 'applied');
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader title={t('title')} description={t('description')} />
      <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-2">
        <Link href="/operator/partners" className={buttonClass(status ? 'ghost' : 'secondary', '', 'sm')} aria-current={status ? undefined : 'page'}>
          {t('filterAll')}
        </Link>
        {PARTNER_STATUSES.map((value) => (
          <Link key={value} href={`/operator/partners?status=${value}`} className={buttonClass(status === value ? 'secondary' : 'ghost', '', 'sm')} aria-current={status === value ? 'page' : undefined}>
            {t(`filters.${value}`)}
          </Link>
        ))}
      </nav>
      {!status || status === 'applied' ? (
        <section aria-labelledby="queue-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="queue-heading" className="text-lg font-semibold text-slate-900">
            {t.rich('applications.heading', { count: format.number(applications.length), muted: (chunks) => <span className="text-slate-600">{chunks}</span> })}
          </h2>
          {applications.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{t('applications.empty')}</p>
          ) : (
            <ul className="mt-2 flex flex-col divide-y divide-slate-100" data-testid="partner-applications">
              {applications.map((partner) => (
                <PartnerItem key={partner.id} partner={partner} t={t} format={format} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {status !== 'applied' ? (
        <section aria-labelledby="partners-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="partners-heading" className="text-lg font-semibold text-slate-900">
            {t.rich('list.heading', { status: status ?? 'all', count: format.number(others.length), muted: (chunks) => <span className="text-slate-600">{chunks}</span> })}
          </h2>
          {others.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{t('list.empty')}</p>
          ) : (
            <ul className="mt-2 flex flex-col divide-y divide-slate-100" data-testid="partner-list">
              {others.map((partner) => (
                <PartnerItem key={partner.id} partner={partner} terms={terms.get(partner.id)} tiers={tiers} t={t} format={format} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="tiers-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="tiers-heading" className="text-lg font-semibold text-slate-900">
          {t('tiers.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('tiers.description')}</p>
        <ul className="mt-2 flex flex-col divide-y divide-slate-100" data-testid="partner-tiers">
          {tiers.map((tier) => (
            <li key={tier.id} className="flex flex-col gap-2 py-3">
              <p className="text-sm text-slate-600">
                {t.rich('tiers.summary', { name: tier.name, fee: formatRate(tier.platformFeeBps), count: tier.partners, b: (chunks) => <strong className="text-slate-900">{chunks}</strong> })}
              </p>
              <PartnerTierForm tier={tier} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
