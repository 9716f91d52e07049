import { Paperclip } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { FormattedDateTime } from '@/components/ui/formatted';
import type { TicketThread } from '@/lib/support/tickets';
import { PriorityBadge, StatusBadge, TargetLine } from './ticket-badges';
import { TicketActions } from './ticket-actions';

// One ticket on any side: its header (status, priority, targets), the comments oldest first
// with their files, and the viewer's reply form and status buttons.

const kb = (size: number) => (size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`);

export function TicketThreadView({ thread, apiBase, context }: { thread: TicketThread; apiBase: string; context: string }) {
  const { ticket, comments } = thread;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-600">{context}</p>
        <h1 className="text-2xl font-bold break-words text-slate-900">
          #{ticket.number} {ticket.subject}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge ticket={ticket} />
          <PriorityBadge priority={ticket.priority} />
          <span className="text-sm text-slate-600">
            opened <FormattedDateTime value={ticket.createdAt} />
          </span>
        </div>
        <div className="flex flex-col gap-1 text-sm text-slate-700" data-testid="ticket-targets">
          <TargetLine target={ticket.firstResponse} />
          <TargetLine target={ticket.resolution} />
        </div>
      </div>
      <ol className="flex flex-col gap-3" aria-label="Conversation" data-testid="ticket-comments">
        {comments.map((comment) => (
          <li key={comment.id} className={`rounded-lg border p-4 ${comment.side === ticket.side ? 'border-slate-200 bg-white' : 'border-sky-200 bg-sky-50'}`} data-testid="ticket-comment">
            <p className="text-sm font-semibold break-words text-slate-900">
              {comment.author} <span className="font-normal text-slate-600">· {comment.organisation}</span>
            </p>
            <p className="text-xs text-slate-600">
              <FormattedDateTime value={comment.createdAt} />
            </p>
            <p className="mt-2 text-sm break-words whitespace-pre-line text-slate-800">{comment.body}</p>
            {comment.attachments.length ? (
              <ul className="mt-2 flex flex-col gap-1 text-sm" aria-label="Attachments">
                {comment.attachments.map((file) => (
                  <li key={file.id}>
                    <a href={`${apiBase}/attachments/${file.id}`} className="inline-flex items-center gap-1 break-all text-brand-text underline" download={file.fileName}>
                      <Paperclip aria-hidden className="size-4 shrink-0" /> {file.fileName} ({kb(file.size)})
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <Card title={ticket.status === 'closed' ? 'Closed' : 'Reply'}>
        <TicketActions ticket={ticket} apiBase={apiBase} />
      </Card>
    </div>
  );
}
