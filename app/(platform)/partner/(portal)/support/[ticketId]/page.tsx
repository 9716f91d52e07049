import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { orNotFound } from '@/components/support/or-not-found';
import { TicketThreadView } from '@/components/support/ticket-thread';
import { requirePartner } from '@/lib/partners/partner-session';
import { partnerViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('ticket') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const actor = await requirePartner();
  const { ticketId } = await params;
  const thread = await orNotFound(getTicket(partnerViewer(actor), ticketId));
  const t = await getTranslations('partner.support');
  const { ticket } = thread;
  const context =
    ticket.kind === 'partner_operator'
      ? t('yourTicket')
      : t('fromWorkspace', {
          hasWorkspace: ticket.workspace ? 'yes' : 'no',
          workspace: ticket.workspace?.name ?? '',
          hasApp: ticket.app ? 'yes' : 'no',
          app: ticket.app?.name ?? '',
        });
  return (
    <div className="flex flex-col gap-4">
      <Link href="/partner/support" className="text-sm text-brand-text underline">
        {t('back')}
      </Link>
      <TicketThreadView thread={thread} apiBase={`/api/partner/support/tickets/${encodeURIComponent(ticket.id)}`} context={context} />
    </div>
  );
}
