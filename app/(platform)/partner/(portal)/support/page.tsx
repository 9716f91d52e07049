import type { Metadata } from 'next';
import Link from 'next/link';
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

export const metadata: Metadata = { title: 'Support · Partner' };
export const dynamic = 'force-dynamic';

const KINDS = [
  { value: '', label: 'All tickets' },
  { value: 'workspace_partner', label: 'From workspaces' },
  { value: 'partner_operator', label: 'Yours to Waypoint' },
];

// Workspaces' tickets about the partner's apps (owners and developers answer them, against the
// tier's targets) and the partner's own tickets to Waypoint (everyone of the partner).
export default async function PartnerSupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePartner();
  const filters = filtersFromSearch(await searchParams);
  const viewer = partnerViewer(actor);
  const [page, summary, apps] = await Promise.all([listTickets(viewer, filters), partnerSupportSummary(actor), partnerAppOptions(actor)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">Support</h2>
          <p className="mt-1 text-sm text-slate-600">
            {summary ? 'Tickets from workspaces that installed your apps, and your own questions to the Waypoint team.' : 'Your questions to the Waypoint team. Owners and developers answer workspaces’ tickets.'}
          </p>
        </div>
        <Link href="/partner/support/new" className={buttonClass('secondary')}>
          Contact Waypoint support
        </Link>
      </div>
      {summary ? (
        <Card title="Your answers to workspaces" description="First response and resolution against your partner tier's targets.">
          <SupportSummaryView summary={summary} />
        </Card>
      ) : null}
      <Card title="Tickets">
        <TicketFilters base="/partner/support" filters={filters} apps={apps} kinds={apps.length ? KINDS : undefined} />
        <div className="mt-4">
          <TicketList tickets={page.tickets} base="/partner/support" empty="No tickets here." />
        </div>
        {page.nextCursor ? (
          <Link href={nextPageHref('/partner/support', filters, page.nextCursor)} className="mt-4 inline-block text-sm text-brand-text underline">
            Older tickets
          </Link>
        ) : null}
      </Card>
    </div>
  );
}
