import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { orNotFound } from '@/components/support/or-not-found';
import { TicketThreadView } from '@/components/support/ticket-thread';
import { requireMember } from '@/lib/members/require-member';
import { workspaceViewer } from '@/lib/support/ticket-access';
import { getTicket } from '@/lib/support/tickets';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.workspace');
  return { title: t('ticketTitle') };
}

export default async function WorkspaceTicketPage({ params }: { params: Promise<{ tenant: string; ticketId: string }> }) {
  const { tenant: slug, ticketId } = await params;
  const tenant = await requireTenant(slug);
  const member = await requireMember(tenant, 'integrations.manage');
  const thread = await orNotFound(getTicket(workspaceViewer(tenant, member), ticketId));
  const { ticket } = thread;
  const t = await getTranslations('support.workspace');
  return (
    <div className="flex flex-col gap-4">
      <Link href="/settings/support" className="text-sm text-brand-text underline">
        {t('back')}
      </Link>
      <TicketThreadView thread={thread} apiBase={`/api/app/support/tickets/${encodeURIComponent(ticket.id)}`} context={t('context', { app: ticket.app?.name ?? t('removedApp'), partner: ticket.partner.name })} />
    </div>
  );
}
