import type { Metadata } from 'next';
import Link from 'next/link';
import { SupportSummaryView } from '@/components/support/support-summary';
import { TicketFilters, nextPageHref } from '@/components/support/ticket-filters';
import { TicketList } from '@/components/support/ticket-list';
import { Card } from '@/components/ui/card';
import { requireOperator } from '@/lib/auth/require-operator';
import { operatorViewer } from '@/lib/support/ticket-access';
import { filtersFromSearch } from '@/lib/support/ticket-schema';
import { operatorSupportSummary } from '@/lib/support/ticket-summary';
import { listTickets } from '@/lib/support/tickets';

export const metadata: Metadata = { title: 'Support · Operator' };
export const dynamic = 'force-dynamic';

export default async function OperatorSupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator();
  const filters = filtersFromSearch(await searchParams);
  const [page, summary] = await Promise.all([listTickets(operatorViewer(operator), filters), operatorSupportSummary()]);
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Support</h1>
        <p className="mt-1 text-sm text-slate-600">Partners&apos; tickets to Waypoint, answered against each partner tier&apos;s targets.</p>
      </div>
      <Card title="Our answers" description="First response and resolution against the partners' tier targets.">
        <SupportSummaryView summary={summary} />
      </Card>
      <Card title="Tickets">
        <TicketFilters base="/operator/support" filters={filters} />
        <div className="mt-4">
          <TicketList tickets={page.tickets} base="/operator/support" empty="No tickets here." />
        </div>
        {page.nextCursor ? (
          <Link href={nextPageHref('/operator/support', filters, page.nextCursor)} className="mt-4 inline-block text-sm text-brand-text underline">
            Older tickets
          </Link>
        ) : null}
      </Card>
    </section>
  );
}
