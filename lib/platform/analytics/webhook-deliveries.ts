import { dbRead } from '../../db/client.ts';
import type { WebhookDay } from '../../partners/analytics/webhooks.ts';
import type { AnalyticsRange } from './range.ts';

// Webhook deliveries of every workspace per UTC day of the event, by outcome: succeeded,
// failed (gave up) and retrying (pending after a failed attempt); deliveries not attempted yet
// are not counted, as on the partners' analytics. Partners' sandbox workspaces are left out.
// Finished deliveries are kept 30 days (lib/retention), so older days read low.

export function webhookDeliveriesPerDay(range: AnalyticsRange): Promise<WebhookDay[]> {
  return dbRead.$queryRaw<WebhookDay[]>`
    WITH days AS (SELECT generate_series(${range.from}::date, ${range.to}::date, interval '1 day')::date AS day),
    deliveries AS (
      SELECT d."createdAt"::date AS day,
             count(*) FILTER (WHERE d.status = 'succeeded')::int AS succeeded,
             count(*) FILTER (WHERE d.status = 'failed')::int AS failed,
             count(*) FILTER (WHERE d.status = 'pending')::int AS retrying
      FROM "WebhookDelivery" d JOIN "Tenant" t ON t.id = d."tenantId" AND t."sandboxOfPartnerId" IS NULL
      WHERE d."createdAt" >= ${range.since} AND d."createdAt" < ${range.until} AND d.attempts > 0
      GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(deliveries.succeeded, 0) AS succeeded, COALESCE(deliveries.failed, 0) AS failed, COALESCE(deliveries.retrying, 0) AS retrying
    FROM days LEFT JOIN deliveries USING (day)
    ORDER BY days.day`;
}
