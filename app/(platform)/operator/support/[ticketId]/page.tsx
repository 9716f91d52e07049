import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { orNotFound } from '@/components/support/or-not-found';
import { TicketThreadView } from '@/components/support/ticket-thread';
import { requireOperator } from '@/lib/auth/require-operator';
import { operatorViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorPartners.support');
  return { title: t('ticketMetaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function OperatorTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const operator = await requireOperator();
  const { ticketId } = await params;
  const thread = await orNotFound(getTicket(operatorViewer(operator), ticketId));
  const t = await getTranslations('operatorPartners.support');
  return (
    <section className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-8 sm:px-6 sm:py-12">
      <Link href="/operator/support" className="text-sm text-brand-text underline">
        {t('back')}
      </Link>
      <TicketThreadView thread={thread} apiBase={`/api/operator/support/tickets/${encodeURIComponent(thread.ticket.id)}`} context={t('from', { partner: thread.ticket.partner.name })} />
    </section>
  );
}
