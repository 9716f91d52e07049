import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { FormattedDateTime } from '@/components/ui/formatted';
import type { TicketView } from '@/lib/support/ticket-views';
import { PriorityBadge, StatusBadge, TargetLine } from './ticket-badges';

/** Tickets as a list of links to their threads (`base`/ticketId), with the other side's name and targets. */
export function TicketList({ tickets, base, empty }: { tickets: TicketView[]; base: string; empty: string }) {
  const t = useTranslations('support.list');
  if (tickets.length === 0) return <p className="py-4 text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t('label')} data-testid="ticket-list">
      {tickets.map((ticket) => {
        const app = ticket.app?.name ?? t('removedApp');
        const who =
          ticket.kind === 'partner_operator'
            ? ticket.side === 'requester'
              ? t('toWaypointSupport')
              : ticket.partner.name
            : ticket.side === 'requester'
              ? t('pair', { first: app, second: ticket.partner.name })
              : t('pair', { first: ticket.workspace?.name ?? t('workspace'), second: app });
        return (
          <li key={ticket.id} className="flex flex-col gap-1 py-3" data-testid="ticket-row">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`${base}/${ticket.id}`} className="font-semibold break-words text-slate-900 underline">
                {t('title', { number: ticket.number, subject: ticket.subject })}
              </Link>
              <StatusBadge ticket={ticket} />
              <PriorityBadge priority={ticket.priority} />
            </div>
            <p className="text-sm break-words text-slate-600">
              {t.rich('lastActivity', { who, when: () => <FormattedDateTime value={ticket.lastCommentAt} /> })}
            </p>
            {ticket.status === 'open' || ticket.status === 'pending' ? (
              <p className="flex flex-col gap-1 text-xs text-slate-600 sm:flex-row sm:gap-4">
                <TargetLine target={ticket.firstResponse} />
                <TargetLine target={ticket.resolution} />
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
