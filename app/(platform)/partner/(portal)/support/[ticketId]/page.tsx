import type { Metadata } from 'next';
import Link from 'next/link';
import { orNotFound } from '@/components/support/or-not-found';
import { TicketThreadView } from '@/components/support/ticket-thread';
import { requirePartner } from '@/lib/partners/partner-session';
import { partnerViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';

export const metadata: Metadata = { title: 'Ticket · Partner' };
export const dynamic = 'force-dynamic';

export default async function PartnerTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const actor = await requirePartner();
  const { ticketId } = await params;
  const thread = await orNotFound(getTicket(partnerViewer(actor), ticketId));
  const { ticket } = thread;
  const context = ticket.kind === 'partner_operator' ? 'Your ticket to Waypoint support' : `From ${ticket.workspace?.name ?? 'a workspace'} about ${ticket.app?.name ?? 'a removed app'}`;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/partner/support" className="text-sm text-brand-text underline">
        ← Support
      </Link>
      <TicketThreadView thread={thread} apiBase={`/api/partner/support/tickets/${encodeURIComponent(ticket.id)}`} context={context} />
    </div>
  );
}
