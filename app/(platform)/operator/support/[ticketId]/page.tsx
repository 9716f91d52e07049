import type { Metadata } from 'next';
import Link from 'next/link';
import { orNotFound } from '@/components/support/or-not-found';
import { TicketThreadView } from '@/components/support/ticket-thread';
import { requireOperator } from '@/lib/auth/require-operator';
import { operatorViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';

export const metadata: Metadata = { title: 'Ticket · Operator' };
export const dynamic = 'force-dynamic';

export default async function OperatorTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const operator = await requireOperator();
  const { ticketId } = await params;
  const thread = await orNotFound(getTicket(operatorViewer(operator), ticketId));
  return (
    <section className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-8 sm:px-6 sm:py-12">
      <Link href="/operator/support" className="text-sm text-brand-text underline">
        ← Support
      </Link>
      <TicketThreadView thread={thread} apiBase={`/api/operator/support/tickets/${encodeURIComponent(thread.ticket.id)}`} context={`From ${thread.ticket.partner.name}`} />
    </section>
  );
}
