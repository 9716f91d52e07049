import { Paperclip } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { FormattedDateTime } from '@/components/ui/formatted';
import type { TicketThread } from '@/lib/support/tickets';
import { PriorityBadge, StatusBadge, TargetLine } from './ticket-badges';
import { TicketActions } from './ticket-actions';

// One ticket on any side: its header (status, priority, targets), the comments oldest first
// with their files, and the viewer's reply form and status buttons.

export function TicketThreadView({ thread, apiBase, context }: { thread: TicketThread; apiBase: string; context: string }) {
  const t = useTranslations('support.thread');
  const { ticket, comments } = thread;
  // A file's size as people read it: whole KB (at least 1), or MB to one decimal.
  const size = (bytes: number) => (bytes < 1024 * 1024 ? t('kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) }) : t('megabytes', { size: Math.round(bytes / 1024 / 102.4) / 10 }));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-600">{context}</p>
        <h1 className="text-2xl font-bold break-words text-slate-900">
          {t('title', { number: ticket.number, subject: ticket.subject })}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge ticket={ticket} />
          <PriorityBadge priority={ticket.priority} />
          <span className="text-sm text-slate-600">
            {t.rich('opened', { when: () => <FormattedDateTime value={ticket.createdAt} /> })}
          </span>
        </div>
        <div className="flex flex-col gap-1 text-sm text-slate-700" data-testid="ticket-targets">
          <TargetLine target={ticket.firstResponse} />
          <TargetLine target={ticket.resolution} />
        </div>
      </div>
      <ol className="flex flex-col gap-3" aria-label={t('conversation')} data-testid="ticket-comments">
        {comments.map((comment) => (
          <li key={comment.id} className={`rounded-lg border p-4 ${comment.side === ticket.side ? 'border-slate-200 bg-white' : 'border-sky-200 bg-sky-50'}`} data-testid="ticket-comment">
            <p className="text-sm font-semibold break-words text-slate-900">
              {t.rich('author', {
                author: comment.formerUser ? t('formerUser') : comment.author,
                organisation: comment.organisationFallback ? t(`organisations.${comment.organisationFallback}`) : comment.organisation,
                muted: (chunks) => <span className="font-normal text-slate-600">{chunks}</span>,
              })}
            </p>
            <p className="text-xs text-slate-600">
              <FormattedDateTime value={comment.createdAt} />
            </p>
            <p className="mt-2 text-sm break-words whitespace-pre-line text-slate-800">{comment.body}</p>
            {comment.attachments.length ? (
              <ul className="mt-2 flex flex-col gap-1 text-sm" aria-label={t('attachments')}>
                {comment.attachments.map((file) => (
                  <li key={file.id}>
                    <a href={`${apiBase}/attachments/${file.id}`} className="inline-flex items-center gap-1 break-all text-brand-text underline" download={file.fileName}>
                      <Paperclip aria-hidden className="size-4 shrink-0" /> {t('file', { name: file.fileName, size: size(file.size) })}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <Card title={ticket.status === 'closed' ? t('closed') : t('reply')}>
        <TicketActions ticket={ticket} apiBase={apiBase} />
      </Card>
    </div>
  );
}
