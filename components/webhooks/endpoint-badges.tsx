import { useTranslations } from 'next-intl';
import type { WebhookDeliveryStatus } from '@/lib/db/generated/enums';
import type { EndpointView } from '@/lib/webhooks/endpoint-schema';

const BADGE = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold';

/** Enabled or Disabled (the reason for an automatic switch-off is shown next to it by the caller). */
export function EndpointStatusBadge({ endpoint }: { endpoint: Pick<EndpointView, 'enabled' | 'disabledReason'> }) {
  const t = useTranslations('webhooks.status');
  return endpoint.enabled ? (
    <span className={`${BADGE} bg-green-100 text-green-800`} data-testid="webhook-endpoint-status">
      {t('enabled')}
    </span>
  ) : (
    <span className={`${BADGE} bg-slate-200 text-slate-700`} data-testid="webhook-endpoint-status">
      {t('disabled')}
    </span>
  );
}

/** "All events", or the subscribed types. */
export function SubscribedEvents({ eventTypes }: { eventTypes: string[] }) {
  const t = useTranslations('webhooks.status');
  if (eventTypes.length === 0) return <span>{t('allEvents')}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {eventTypes.map((type) => (
        <li key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {type}
        </li>
      ))}
    </ul>
  );
}

const DELIVERY_STYLES: Record<WebhookDeliveryStatus, string> = {
  pending: 'bg-amber-100 text-amber-800',
  succeeded: 'bg-green-100 text-green-800',
  failed: 'bg-red-100 text-red-800',
};

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const t = useTranslations('webhooks.delivery');
  return (
    <span className={`${BADGE} ${DELIVERY_STYLES[status]}`} data-testid="webhook-delivery-status">
      {t(status)}
    </span>
  );
}
