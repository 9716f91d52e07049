import { db, Prisma } from '../db/client.ts';
import { logger } from '../observability/logger.ts';
import { sendHealthFlagEmails } from './app-health-emails.ts';

// Integration health (job 'partners.app_health', hourly): over the trailing HEALTH_WINDOW_MS,
// each live app's share of API calls answered 5xx and share of webhook deliveries to it that
// failed. At or above a threshold, with enough volume to mean something, the app gets an
// AppHealthFlag of that kind; while that flag is open no other is raised. Its partner's owners
// and developers and the platform operators are emailed once per flag (notifiedAt). When the
// condition no longer holds (the rate fell below the threshold, or traffic fell under the
// minimum), the flag is cleared (clearedAt). MarketplaceApp.healthFlaggedAt is when the app's
// oldest open flag was raised, null when it has none: the operator's "Flagged" filter.
// Sandbox traffic is the partner testing: it is left out, as in the analytics.

export const HEALTH_WINDOW_MS = 24 * 3_600_000;
/** 5% of the app's calls answered with a server error (5xx)... */
export const API_ERROR_RATE_THRESHOLD_BPS = 500;
/** ...out of at least this many calls, so a handful of errors in a quiet app flags nothing. */
export const API_MIN_CALLS = 100;
/** 10% of the webhook deliveries to the app failed (gave up, or are retrying after a failed attempt)... */
export const WEBHOOK_FAILURE_RATE_THRESHOLD_BPS = 1000;
/** ...out of at least this many attempted deliveries. */
export const WEBHOOK_MIN_DELIVERIES = 20;

export type HealthFlagKind = 'error_rate' | 'webhook_failure_rate';

const RULES: Record<HealthFlagKind, { thresholdBps: number; minVolume: number }> = {
  error_rate: { thresholdBps: API_ERROR_RATE_THRESHOLD_BPS, minVolume: API_MIN_CALLS },
  webhook_failure_rate: { thresholdBps: WEBHOOK_FAILURE_RATE_THRESHOLD_BPS, minVolume: WEBHOOK_MIN_DELIVERIES },
};

export interface HealthMeasurement {
  appId: string;
  kind: HealthFlagKind;
  volume: number;
  failures: number;
  /** failures / volume in basis points, rounded down; 0 without volume. */
  valueBps: number;
}

export interface HealthRun {
  measured: number;
  raised: { appId: string; kind: HealthFlagKind; valueBps: number }[];
  cleared: { appId: string; kind: HealthFlagKind }[];
  notified: number;
}

/** Whether a measurement is over its rule: enough volume, and a rate at or above the threshold. */
export function isUnhealthy(m: Pick<HealthMeasurement, 'kind' | 'volume' | 'valueBps'>): boolean {
  const rule = RULES[m.kind];
  return m.volume >= rule.minVolume && m.valueBps >= rule.thresholdBps;
}

const notSandbox = (tenantId: Prisma.Sql) => Prisma.sql`NOT EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = ${tenantId} AND t."sandboxOfPartnerId" IS NOT NULL)`;

/** Both rates of every live app, and of any app with an open flag (so a removed app's flag clears). */
export async function measureAppHealth(windowStart: Date, windowEnd: Date): Promise<HealthMeasurement[]> {
  const apps = Prisma.sql`a.status IN ('published', 'deprecated') OR EXISTS (SELECT 1 FROM "AppHealthFlag" f WHERE f."appId" = a.id AND f."clearedAt" IS NULL)`;
  const [calls, hooks] = await Promise.all([
    db.$queryRaw<{ appId: string; volume: number; failures: number }[]>`
      SELECT a.id AS "appId", count(r.id)::int AS volume, count(r.id) FILTER (WHERE r.status >= 500)::int AS failures
      FROM "MarketplaceApp" a
      LEFT JOIN "ApiRequestLog" r ON r."marketplaceAppId" = a.id AND r."createdAt" >= ${windowStart} AND r."createdAt" < ${windowEnd} AND ${notSandbox(Prisma.sql`r."tenantId"`)}
      WHERE ${apps} GROUP BY a.id`,
    db.$queryRaw<{ appId: string; volume: number; failures: number }[]>`
      SELECT a.id AS "appId", count(d.id)::int AS volume, count(d.id) FILTER (WHERE d.status <> 'succeeded')::int AS failures
      FROM "MarketplaceApp" a
      LEFT JOIN "AppInstallation" i ON i."appId" = a.id AND ${notSandbox(Prisma.sql`i."tenantId"`)}
      LEFT JOIN "WebhookEndpoint" e ON e."appInstallationId" = i.id
      LEFT JOIN "WebhookDelivery" d ON d."endpointId" = e.id AND d."createdAt" >= ${windowStart} AND d."createdAt" < ${windowEnd} AND d.attempts > 0
      WHERE ${apps} GROUP BY a.id`,
  ]);
  const bps = (failures: number, volume: number) => (volume === 0 ? 0 : Math.floor((failures * 10_000) / volume));
  return [
    ...calls.map((r): HealthMeasurement => ({ ...r, kind: 'error_rate', valueBps: bps(r.failures, r.volume) })),
    ...hooks.map((r): HealthMeasurement => ({ ...r, kind: 'webhook_failure_rate', valueBps: bps(r.failures, r.volume) })),
  ];
}

/** Raises or clears one app's flags from its measurements, serialized per app (concurrent runs agree). */
async function applyToApp(appId: string, measurements: HealthMeasurement[], windowStart: Date, windowEnd: Date, run: HealthRun): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`app_health:${appId}`}))`;
    const open = await tx.appHealthFlag.findMany({ where: { appId, clearedAt: null }, select: { id: true, kind: true, raisedAt: true } });
    for (const m of measurements) {
      const flag = open.find((f) => f.kind === m.kind);
      if (isUnhealthy(m) && !flag) {
        const raised = await tx.appHealthFlag.create({ data: { appId, kind: m.kind, valueBps: m.valueBps, thresholdBps: RULES[m.kind].thresholdBps, windowStart, windowEnd, raisedAt: windowEnd }, select: { id: true, kind: true, raisedAt: true } });
        open.push(raised);
        run.raised.push({ appId, kind: m.kind, valueBps: m.valueBps });
      } else if (!isUnhealthy(m) && flag) {
        await tx.appHealthFlag.update({ where: { id: flag.id }, data: { clearedAt: windowEnd } });
        open.splice(open.indexOf(flag), 1);
        run.cleared.push({ appId, kind: m.kind });
      }
    }
    const since = open.reduce<Date | null>((min, f) => (min === null || f.raisedAt < min ? f.raisedAt : min), null);
    await tx.marketplaceApp.update({ where: { id: appId }, data: { healthFlaggedAt: since } });
  });
}

/** Emails each open flag not emailed yet; a flag is claimed first, so two runs never both send it. */
async function notifyOpenFlags(now: Date): Promise<number> {
  const pending = await db.appHealthFlag.findMany({ where: { clearedAt: null, notifiedAt: null }, select: { id: true } });
  let sent = 0;
  for (const { id } of pending) {
    const claimed = await db.appHealthFlag.updateMany({ where: { id, notifiedAt: null, clearedAt: null }, data: { notifiedAt: now } });
    if (claimed.count === 0) continue;
    try {
      await sendHealthFlagEmails(id);
      sent += 1;
    } catch (error) {
      // Not sent: the next run tries again.
      await db.appHealthFlag.update({ where: { id }, data: { notifiedAt: null } });
      logger().error({ err: error, flagId: id }, 'app health: could not email a flag');
    }
  }
  return sent;
}

/** The job: measure every live app over the trailing window ending `now`, raise, clear, notify. */
export async function runAppHealth(now: Date = new Date()): Promise<HealthRun> {
  const windowStart = new Date(now.getTime() - HEALTH_WINDOW_MS);
  const measurements = await measureAppHealth(windowStart, now);
  const byApp = new Map<string, HealthMeasurement[]>();
  for (const m of measurements) byApp.set(m.appId, [...(byApp.get(m.appId) ?? []), m]);
  const run: HealthRun = { measured: byApp.size, raised: [], cleared: [], notified: 0 };
  // Only apps that have or need a flag take a lock; healthy unflagged apps are the common case.
  const flagged = new Set((await db.appHealthFlag.findMany({ where: { clearedAt: null }, distinct: ['appId'], select: { appId: true } })).map((f) => f.appId));
  for (const [appId, list] of byApp) {
    if (!flagged.has(appId) && !list.some(isUnhealthy)) continue;
    await applyToApp(appId, list, windowStart, now, run);
  }
  run.notified = await notifyOpenFlags(now);
  if (run.raised.length || run.cleared.length) logger().info({ raised: run.raised, cleared: run.cleared }, 'app health: flags changed');
  return run;
}
