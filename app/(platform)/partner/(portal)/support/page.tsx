import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SupportSummaryView } from '@/components/support/support-summary';
import { TicketFilters, nextPageHref } from '@/components/support/ticket-filters';
import { TicketList } from '@/components/support/ticket-list';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requirePartner } from '@/lib/partners/partner-session';
import { partnerViewer } from '@/lib/support/ticket-access';
import { partnerAppOptions } from '@/lib/support/ticket-context';
import { filtersFromSearch } from '@/lib/support/ticket-schema';
import { partnerSupportSummary } from '@/lib/support/ticket-summary';
import { listTickets } from '@/lib/support/tickets';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('support') };
}
export const dynamic = 'force-dynamic';

// Workspaces' tickets about the partner's apps (owners and developers answer them, against the
// tier's targets) and the partner's own tickets to Waypoint (everyone of the partner).
export default async function PartnerSupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartner();
  const filters = filtersFromSearch(await searchParams);
  const viewer = partnerViewer(actor);
  const [page, summary, apps, t] = await Promise.all([listTickets(viewer, filters), partnerSupportSummary(actor), partnerAppOptions(actor), getTranslations('partner.support')]);
  const kinds = [
    { value: '', label: t('kinds.all') },
    { value: 'workspace_partner', label: t('kinds.fromWorkspaces') },
    { value: 'partner_operator', label: t('kinds.toWaypoint') },
  ];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">{t('title')}</h2>
          <p className="mt-1 text-sm text-slate-600">{summary ? t('introAnswering') : t('introOwn')}</p>
        </div>
        <Link href="/partner/support/new" className={buttonClass('secondary')}>
          {t('contact')}
        </Link>
      </div>
      {summary ? (
        <Card title={t('summaryTitle')} description={t('summaryDescription')}>
          <SupportSummaryView summary={summary} />
        </Card>
      ) : null}
      <Card title={t('tickets')}>
        <TicketFilters base="/partner/support" filters={filters} apps={apps} kinds={apps.length ? kinds : undefined} />
        <div className="mt-4">
          <TicketList tickets={page.tickets} base="/partner/support" empty={t('empty')} />
        </div>
        {page.nextCursor ? (
          <Link href={nextPageHref('/partner/support', filters, page.nextCursor)} className="mt-4 inline-block text-sm text-brand-text underline">
            {t('older')}
          </Link>
        ) : null}
      </Card>
    </div>
  );
}
