'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('webhooks.details');
  const { data: delivery, error, isPending } = useQuery({ queryKey: webhookKeys.delivery(deliveryId), queryFn: () => fetchDelivery(deliveryId) });
  if (isPending) return <p className="text-sm text-slate-500">{t('loading')}</p>;
  if (error) return <FormAlert message={error.message} />;

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="webhook-delivery-details">
      <section aria-label={t('payload')} className="flex min-w-0 flex-col gap-1">
        <h4 className="text-xs font-semibold text-slate-600">{t('payload')}</h4>
        <pre dir="ltr" className={PRE}>
          {JSON.stringify(delivery.payload, null, 2)}
        </pre>
      </section>
      <section aria-label={t('response')} className="flex min-w-0 flex-col gap-1">
        <h4 className="text-xs font-semibold text-slate-600">{delivery.lastStatusCode !== null ? t('responseWithStatus', { status: delivery.lastStatusCode }) : t('response')}</h4>
        {delivery.lastResponseBody ? (
          <pre dir="ltr" className={PRE}>
            {delivery.lastResponseBody}
          </pre>
        ) : (
          <p className="text-sm text-slate-500">{delivery.attempts ? t('noBody') : t('notAttempted')}</p>
        )}
        {delivery.lastError ? <p className="text-sm text-red-700">{t.rich('lastError', { error: delivery.lastError, strong: (chunks) => <span className="font-semibold">{chunks}</span> })}</p> : null}
        {delivery.deliveredAt ? <p className="text-xs text-slate-600">{t('delivered', { date: fmt.dateTime(delivery.deliveredAt) })}</p> : null}
      </section>
      <section aria-label={t('attempts')} className="flex min-w-0 flex-col gap-1 lg:col-span-2">
        <h4 className="text-xs font-semibold text-slate-600">{t('attempts')}</h4>
        {delivery.attemptLog.length === 0 ? (
          <p className="text-sm text-slate-500">{t('notAttempted')}</p>
        ) : (
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t('attemptsCaption')}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pe-3 text-end font-medium">
                  {t('attemptNumber')}
                </th>
                <th scope="col" className="py-1 pe-3 font-medium">{t('started')}</th>
                <th scope="col" className="py-1 pe-3 font-medium">{t('outcome')}</th>
                <th scope="col" className="py-1 pe-3 text-end font-medium">{t('duration')}</th>
                <th scope="col" className="py-1 font-medium">{t('answer')}</th>
              </tr>
            </thead>
            <tbody>
              {delivery.attemptLog.map((attempt) => (
                <tr key={attempt.attempt} className="border-b border-slate-100 align-top" data-testid="webhook-delivery-attempt">
                  <td className="py-1 pe-3 text-end tabular-nums">
                    {attempt.attempt}
                    {attempt.manual ? <span className="ms-1 text-xs text-slate-500">{t('manual')}</span> : null}
                  </td>
                  <td className="py-1 pe-3 whitespace-nowrap">{fmt.dateTime(attempt.startedAt)}</td>
                  <td className="py-1 pe-3">{attempt.statusCode !== null ? t('httpStatus', { status: attempt.statusCode }) : t('noAnswer')}</td>
                  <td className="py-1 pe-3 text-end tabular-nums">{fmt.milliseconds(attempt.durationMs)}</td>
                  <td className="min-w-0 py-1">
                    {attempt.error ? <p className="text-red-700">{attempt.error}</p> : null}
                    {attempt.responseBody ? (
                      <details>
                        <summary className="cursor-pointer text-xs text-slate-600">{t('responseBody')}</summary>
                        <pre dir="ltr" className={PRE}>
                          {attempt.responseBody}
                        </pre>
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
