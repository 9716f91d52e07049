import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TargetView } from '@/lib/support/ticket-targets';
import type { TicketView } from '@/lib/support/ticket-views';
import { useDuration } from './duration';

// Small pieces every support page shows the same way: status (with whose move it is),
// priority, and where a target stands ("First response in 2 h 10 min, target 24 h").

const STATUS_TONE: Record<TicketView['status'], BadgeTone> = { open: 'info', pending: 'warning', resolved: 'success', closed: 'neutral' };
const PRIORITY_TONE: Record<TicketView['priority'], BadgeTone> = { low: 'neutral', normal: 'neutral', high: 'warning', urgent: 'danger' };
const TARGET_TONE: Record<TargetView['state'], BadgeTone> = { met: 'success', due: 'neutral', missed: 'danger', overdue: 'danger' };

export function StatusBadge({ ticket }: { ticket: Pick<TicketView, 'status' | 'waitingOn'> }) {
  const t = useTranslations('support.badges');
  return <Badge tone={STATUS_TONE[ticket.status]}>{t('status', { status: ticket.status, waiting: ticket.waitingOn ?? 'nobody' })}</Badge>;
}

export function PriorityBadge({ priority }: { priority: TicketView['priority'] }) {
  const t = useTranslations('support.badges');
  return <Badge tone={PRIORITY_TONE[priority]}>{t('priority', { priority })}</Badge>;
}

export function TargetLine({ target }: { target: TargetView }) {
  const t = useTranslations('support.target');
  const duration = useDuration();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={TARGET_TONE[target.state]}>{t(`states.${target.state}`)}</Badge>
      <span>{t(`${target.kind}.${target.state}`, { elapsed: duration(target.elapsedMs), target: duration(target.targetMs) })}</span>
    </span>
  );
}
