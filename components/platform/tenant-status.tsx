import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TenantStatus } from '@/lib/db/generated/enums';

/** Each status's key in the operatorTenants catalog (status.<key>). */
export const STATUS_KEYS = {
  trial: 'trial',
  active: 'active',
  past_due: 'pastDue',
  suspended: 'suspended',
  canceled: 'canceled',
  scheduled_for_deletion: 'scheduledForDeletion',
} as const satisfies Record<TenantStatus, string>;

const TONES: Record<TenantStatus, BadgeTone> = { trial: 'info', active: 'success', past_due: 'warning', suspended: 'danger', canceled: 'neutral', scheduled_for_deletion: 'danger' };

export function TenantStatusBadge({ status }: { status: TenantStatus }) {
  const t = useTranslations('operatorTenants.status');
  return <Badge tone={TONES[status]}>{t(STATUS_KEYS[status])}</Badge>;
}
