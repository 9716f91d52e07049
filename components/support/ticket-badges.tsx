import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TargetView } from '@/lib/support/ticket-targets';
import type { TicketView } from '@/lib/support/ticket-views';

// Small pieces every support page shows the same way: status (with whose move it is),
// priority, and where a target stands ("First response in 2 h 10 min, target 24 h").

const STATUS_TONE: Record<TicketView['status'], BadgeTone> = { open: 'info', pending: 'warning', resolved: 'success', closed: 'neutral' };
const PRIORITY_TONE: Record<TicketView['priority'], BadgeTone> = { low: 'neutral', normal: 'neutral', high: 'warning', urgent: 'danger' };
const TARGET_TONE: Record<TargetView['state'], BadgeTone> = { met: 'success', due: 'neutral', missed: 'danger', overdue: 'danger' };

export function StatusBadge({ ticket }: { ticket: Pick<TicketView, 'status' | 'waitingOn'> }) {
  const waiting = ticket.waitingOn === 'you' ? ' · your move' : ticket.waitingOn === 'them' ? ' · awaiting reply' : '';
  return <Badge tone={STATUS_TONE[ticket.status]}>{`${ticket.status}${waiting}`}</Badge>;
}

export function PriorityBadge({ priority }: { priority: TicketView['priority'] }) {
  return <Badge tone={PRIORITY_TONE[priority]}>{priority} priority</Badge>;
}

export function TargetLine({ target }: { target: TargetView }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={TARGET_TONE[target.state]}>{target.state}</Badge>
      <span>{target.text}</span>
    </span>
  );
}
