'use client';

import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '@/components/developers/format';
import { FormAlert } from '@/components/ui/form-alert';
import { fetchDelivery, webhookKeys } from './webhook-requests';

const PRE = 'max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-100';

/**
 * A delivery's payload and the receiver's last answer. The answer is whatever the receiver
 * sent: it is shown as text in a <pre> (React escapes it) and never interpreted as HTML.
 */
export function DeliveryDetails({ deliveryId, timeZone }: { deliveryId: string; timeZone: string }) {
  const { data: delivery, error, isPending } = useQuery({ queryKey: webhookKeys.delivery(deliveryId), queryFn: () => fetchDelivery(deliveryId) });
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (error) return <FormAlert message={error.message} />;

  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="webhook-delivery-details">
      <section aria-label="Payload" className="flex min-w-0 flex-col gap-1">
        <h4 className="text-xs font-semibold text-slate-600">Payload</h4>
        <pre className={PRE}>{JSON.stringify(delivery.payload, null, 2)}</pre>
      </section>
      <section aria-label="Response" className="flex min-w-0 flex-col gap-1">
        <h4 className="text-xs font-semibold text-slate-600">
          Response{delivery.lastStatusCode !== null ? ` (HTTP ${delivery.lastStatusCode})` : ''}
        </h4>
        {delivery.lastResponseBody ? <pre className={PRE}>{delivery.lastResponseBody}</pre> : <p className="text-sm text-slate-500">{delivery.attempts ? 'No response body.' : 'Not attempted yet.'}</p>}
        {delivery.lastError ? (
          <p className="text-sm text-red-700">
            <span className="font-semibold">Last error:</span> {delivery.lastError}
          </p>
        ) : null}
        {delivery.deliveredAt ? <p className="text-xs text-slate-600">Delivered {formatDateTime(delivery.deliveredAt, timeZone)}</p> : null}
      </section>
    </div>
  );
}
