'use client';

import { useQuery } from '@tanstack/react-query';
import { FormAlert } from '@/components/ui/form-alert';
import { fetchDelivery, webhookKeys } from './webhook-requests';
import { useFormat } from '@/lib/format/format-context';

const PRE = 'max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-100';

/**
 * A delivery's payload, the receiver's last answer and every attempt. An answer is whatever the receiver
 * sent: it is shown as text in a <pre> (React escapes it) and never interpreted as HTML.
 */
export function DeliveryDetails({ deliveryId }: { deliveryId: string }) {
  const fmt = useFormat();
  const { data: delivery, error, isPending } = useQuery({ queryKey: webhookKeys.delivery(deliveryId), queryFn: () => fetchDelivery(deliveryId) });
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (error) return <FormAlert message={error.message} />;

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="webhook-delivery-details">
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
        {delivery.deliveredAt ? <p className="text-xs text-slate-600">Delivered {fmt.dateTime(delivery.deliveredAt)}</p> : null}
      </section>
      <section aria-label="Attempts" className="flex min-w-0 flex-col gap-1 lg:col-span-2">
        <h4 className="text-xs font-semibold text-slate-600">Attempts</h4>
        {delivery.attemptLog.length === 0 ? (
          <p className="text-sm text-slate-500">Not attempted yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Every attempt of this delivery, newest first</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 text-right font-medium">#</th>
                <th scope="col" className="py-1 pr-3 font-medium">Started</th>
                <th scope="col" className="py-1 pr-3 font-medium">Outcome</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Duration</th>
                <th scope="col" className="py-1 font-medium">Answer</th>
              </tr>
            </thead>
            <tbody>
              {delivery.attemptLog.map((attempt) => (
                <tr key={attempt.attempt} className="border-b border-slate-100 align-top" data-testid="webhook-delivery-attempt">
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {attempt.attempt}
                    {attempt.manual ? <span className="ml-1 text-xs text-slate-500">(manual)</span> : null}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">{fmt.dateTime(attempt.startedAt)}</td>
                  <td className="py-1 pr-3">{attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : 'No answer'}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{fmt.milliseconds(attempt.durationMs)}</td>
                  <td className="min-w-0 py-1">
                    {attempt.error ? <p className="text-red-700">{attempt.error}</p> : null}
                    {attempt.responseBody ? (
                      <details>
                        <summary className="cursor-pointer text-xs text-slate-600">Response body</summary>
                        <pre className={PRE}>{attempt.responseBody}</pre>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
