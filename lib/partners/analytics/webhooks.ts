import { db, Prisma } from '../../db/client.ts';
import { notSandbox, type AnalyticsScope, type AnalyticsWindow } from './window.ts';

// Webhook deliveries to the scope's apps: deliveries to endpoints that an app's installation
// made (WebhookEndpoint.appInstallationId), by the day the event was delivered for.
// Outcomes: succeeded; failed (gave up); retrying (pending after a failed attempt: its last
// attempt failed). Deliveries not attempted yet are not counted. The success rate is
// succeeded / (succeeded + failed + retrying).
// Failures are listed by endpoint with what the partner may see: the workspace's name (it
// installed the partner's app) and the endpoint's host, never the full URL, headers or payloads.

export interface WebhookDay {
  day: string;
  succeeded: number;
  failed: number;
  retrying: number;
}

export interface WebhookEndpointFailures {
  endpointId: string;
  appId: string;
  installationId: string;
  workspace: string;
  host: string;
  deliveries: number;
  failed: number;
  retrying: number;
  /** The last failed attempt's HTTP status, if it got one. */
  lastStatusCode: number | null;
  lastFailureAt: Date | null;
}

export interface WebhookStats {
  days: WebhookDay[];
  totals: { deliveries: number; succeeded: number; failed: number; retrying: number; successRate: number | null };
  /** Endpoints with failures in the window, most failures first (at most 20). */
  failingEndpoints: WebhookEndpointFailures[];
}

/** The host of an endpoint URL, or a placeholder for a malformed one (never the path or query). */
export function endpointHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}

export async function webhookStats(scope: AnalyticsScope, window: AnalyticsWindow): Promise<WebhookStats> {
  const where = Prisma.sql`i."appId" = ANY(${scope.appIds}::text[]) AND d."createdAt" >= ${window.since} AND d."createdAt" < ${window.until} AND d.attempts > 0 AND ${notSandbox(Prisma.sql`i."tenantId"`)}`;
  const from = Prisma.sql`"WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId" JOIN "AppInstallation" i ON i.id = e."appInstallationId"`;
  const outcomes = Prisma.sql`
    count(*) FILTER (WHERE d.status = 'succeeded')::int AS succeeded,
    count(*) FILTER (WHERE d.status = 'failed')::int AS failed,
    count(*) FILTER (WHERE d.status = 'pending')::int AS retrying`;
  const [perDay, endpoints] = await Promise.all([
    db.$queryRaw<WebhookDay[]>`
      SELECT to_char(date_trunc('day', d."createdAt"), 'YYYY-MM-DD') AS day, ${outcomes}
      FROM ${from} WHERE ${where} GROUP BY 1`,
    db.$queryRaw<(Omit<WebhookEndpointFailures, 'host' | 'workspace'> & { url: string; workspace: string })[]>`
      SELECT e.id AS "endpointId", i."appId", i.id AS "installationId", t.name AS workspace, e.url,
             count(*)::int AS deliveries,
             count(*) FILTER (WHERE d.status = 'failed')::int AS failed,
             count(*) FILTER (WHERE d.status = 'pending')::int AS retrying,
             (array_agg(d."lastStatusCode" ORDER BY d."updatedAt" DESC) FILTER (WHERE d.status <> 'succeeded'))[1] AS "lastStatusCode",
             max(d."updatedAt") FILTER (WHERE d.status <> 'succeeded') AS "lastFailureAt"
      FROM ${from} JOIN "Tenant" t ON t.id = i."tenantId"
      WHERE ${where}
      GROUP BY e.id, i."appId", i.id, t.name, e.url
      HAVING count(*) FILTER (WHERE d.status <> 'succeeded') > 0
      ORDER BY count(*) FILTER (WHERE d.status <> 'succeeded') DESC, t.name, e.id
      LIMIT 20`,
  ]);
  const byDay = new Map(perDay.map((r) => [r.day, r]));
  const days = window.days.map((day) => byDay.get(day) ?? { day, succeeded: 0, failed: 0, retrying: 0 });
  const sum = (key: 'succeeded' | 'failed' | 'retrying') => days.reduce((s, d) => s + d[key], 0);
  const [succeeded, failed, retrying] = [sum('succeeded'), sum('failed'), sum('retrying')];
  const deliveries = succeeded + failed + retrying;
  return {
    days,
    totals: { deliveries, succeeded, failed, retrying, successRate: deliveries === 0 ? null : succeeded / deliveries },
    failingEndpoints: endpoints.map(({ url, ...row }) => ({ ...row, host: endpointHost(url) })),
  };
}
