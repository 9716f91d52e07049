import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TenantStatus } from '@/lib/db/generated/enums';

export const STATUS_LABELS: Record<TenantStatus, string> = {
  trial: 'Trial',
  active: 'Active',
  past_due: 'Past due',
  suspended: 'Suspended',
  canceled: 'Canceled',
  scheduled_for_deletion: 'Deletion scheduled',
};

const TONES: Record<TenantStatus, BadgeTone> = { trial: 'info', active: 'success', past_due: 'warning', suspended: 'danger', canceled: 'neutral', scheduled_for_deletion: 'danger' };

export function TenantStatusBadge({ status }: { status: TenantStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
