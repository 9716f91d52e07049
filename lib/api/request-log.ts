import { API_REQUESTS, incrementUsage } from '../billing/usage.ts';
import { db } from '../db/client.ts';
import { isRetryableConflict } from '../http/database-errors.ts';
import { appCallsMetric } from '../marketplace/pricing.ts';
import { logger } from '../observability/logger.ts';
import { BUCKETS, bucketOf, statusClassOf } from './usage-rollup.ts';

// Public API requests are logged without delaying responses: entries are buffered and written
// in batches (every FLUSH_MS or BATCH entries). A batch also adds each tenant's billable
// requests to its usage meter for the billing period (UsagePeriod, lib/billing/usage.ts), bumps
// each key's request count, and sets lastUsedAt at most once a minute per key and per OAuth grant
// (and an installed marketplace app's lastActivityAt with its grant's). Requests made with a
// marketplace app's tokens carry the app's id: its partner's analytics count them, and so does
// the app's own meter in the workspace (UsagePeriod app_calls:<appId>), which usage-priced apps
// are billed on (lib/marketplace/app-usage-report.ts). The batch is also summed into the daily
// rollup the developers page reads (ApiUsageDaily, lib/api/usage-rollup.ts).

export interface RequestLogEntry {
  tenantId: string;
  apiKeyId: string | null;
  /** Requests made with an OAuth access token name its grant instead of a key. */
  oauthGrantId?: string | null;
  /** The marketplace app behind the OAuth token, if it is one (counted per app). */
  marketplaceAppId?: string | null;
  /** The installation whose grant the token belongs to (its lastActivityAt follows the grant's lastUsedAt). */
  installationId?: string | null;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  bytes: number;
  createdAt: Date;
  /**
   * Counts toward the workspace's API quota and bill (default true). Requests the door refused
   * (bad credentials, rate limit, quota, scope) are logged but not billed.
   */
  billable?: boolean;
}

const FLUSH_MS = 2_000;
const BATCH = 500;
const LAST_USED_EVERY_MS = 60_000;
const WRITE_ATTEMPTS = 3;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Timestamps are UTC without a zone, as Prisma writes them.
const utc = (date: Date) => date.toISOString().replace('Z', '');

interface DailyGroup {
  tenantId: string;
  day: string;
  apiKeyId: string;
  method: string;
  route: string;
  statusClass: number;
  requests: number;
  durationMs: number;
  maxDurationMs: number;
  latencyBuckets: number[];
}

/** The batch summed per ApiUsageDaily row (every request, billable or not, as the log has them). */
function dailyGroups(batch: RequestLogEntry[]): DailyGroup[] {
  const groups = new Map<string, DailyGroup>();
  for (const { tenantId, apiKeyId, method, route, status, durationMs, createdAt } of batch) {
    const row = { tenantId, day: createdAt.toISOString().slice(0, 10), apiKeyId: apiKeyId ?? '', method, route, statusClass: statusClassOf(status) };
    const key = JSON.stringify(row);
    const group = groups.get(key) ?? { ...row, requests: 0, durationMs: 0, maxDurationMs: 0, latencyBuckets: new Array<number>(BUCKETS).fill(0) };
    group.requests++;
    group.durationMs += durationMs;
    group.maxDurationMs = Math.max(group.maxDurationMs, durationMs);
    group.latencyBuckets[bucketOf(durationMs)]++;
    groups.set(key, group);
  }
  return [...groups.values()];
}

function logRow({ tenantId, apiKeyId, oauthGrantId, marketplaceAppId, method, route, status, durationMs, bytes, createdAt }: RequestLogEntry) {
  return { tenantId, apiKeyId, oauthGrantId: oauthGrantId ?? null, marketplaceAppId: marketplaceAppId ?? null, method, route, status, durationMs, bytes, createdAt: utc(createdAt) };
}

interface State {
  buffer: RequestLogEntry[];
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
  lastUsedWritten: Map<string, number>;
}

const holder = globalThis as unknown as { __waypointRequestLog?: State };

function state(): State {
  holder.__waypointRequestLog ??= { buffer: [], lastUsedWritten: new Map() };
  return holder.__waypointRequestLog;
}

export function logApiRequest(entry: RequestLogEntry): void {
  const s = state();
  s.buffer.push(entry);
  if (s.buffer.length >= BATCH) void flushRequestLog();
  else if (!s.timer) {
    s.timer = setTimeout(() => void flushRequestLog(), FLUSH_MS);
    s.timer.unref();
  }
}

/** Writes everything buffered so far (tests call it; the timer calls it otherwise). */
export async function flushRequestLog(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = undefined;
  await s.flushing;
  const batch = s.buffer.splice(0);
  if (batch.length === 0) return;
  s.flushing = write(batch, s).catch((error: unknown) => logger().error({ err: error, entries: batch.length }, 'api: could not write the request log'));
  await s.flushing;
}

async function write(batch: RequestLogEntry[], s: State): Promise<void> {
  const perTenant = new Map<string, { count: number; at: Date }>();
  const perApp = new Map<string, { tenantId: string; appId: string; count: number; at: Date }>();
  const perKey = new Map<string, { count: number; last: Date }>();
  const perGrant = new Map<string, Date>();
  const installationOf = new Map<string, string>();
  for (const entry of batch) {
    if (entry.billable !== false) {
      // Grouped by the hour: a batch spans seconds, so each group falls in one billing period
      // (counted in the period of its latest request).
      const key = `${entry.tenantId}|${entry.createdAt.toISOString().slice(0, 13)}`;
      const group = perTenant.get(key) ?? { count: 0, at: entry.createdAt };
      group.count++;
      if (entry.createdAt > group.at) group.at = entry.createdAt;
      perTenant.set(key, group);
      if (entry.marketplaceAppId) {
        const appKey = `${key}|${entry.marketplaceAppId}`;
        const app = perApp.get(appKey) ?? { tenantId: entry.tenantId, appId: entry.marketplaceAppId, count: 0, at: entry.createdAt };
        app.count++;
        if (entry.createdAt > app.at) app.at = entry.createdAt;
        perApp.set(appKey, app);
      }
    }
    if (entry.apiKeyId) {
      const k = perKey.get(entry.apiKeyId) ?? { count: 0, last: entry.createdAt };
      k.count++;
      if (entry.createdAt > k.last) k.last = entry.createdAt;
      perKey.set(entry.apiKeyId, k);
    }
    if (entry.oauthGrantId) {
      const last = perGrant.get(entry.oauthGrantId);
      if (!last || entry.createdAt > last) perGrant.set(entry.oauthGrantId, entry.createdAt);
      if (entry.installationId) installationOf.set(entry.oauthGrantId, entry.installationId);
    }
  }
  // Each grant's and key's lastUsedAt at most once a minute: decided before the transaction,
  // remembered only once it commits (a retried batch decides the same way).
  const now = Date.now();
  const due = (id: string) => now - (s.lastUsedWritten.get(id) ?? 0) >= LAST_USED_EVERY_MS;
  const grants = [...perGrant].filter(([grantId]) => due(grantId)).sort(([a], [b]) => compare(a, b));
  const keys = [...perKey].map(([keyId, k]) => ({ keyId, ...k, writeLastUsed: due(keyId) })).sort((a, b) => compare(a.keyId, b.keyId));
  const installations = grants.flatMap(([grantId, last]) => {
    const installationId = installationOf.get(grantId);
    return installationId ? [{ installationId, last }] : [];
  }).sort((a, b) => compare(a.installationId, b.installationId));
  const usage = [...perTenant].sort(([a], [b]) => compare(a, b));
  const appUsage = [...perApp].sort(([a], [b]) => compare(a, b)).map(([, app]) => app);
  const daily = dailyGroups(batch);

  // Rows are locked in one order, the one every other writer of them uses (an uninstall locks
  // the installation, then its grant): installations, grants, keys, meters, each by id, then
  // the daily rollup rows by their key. Two batches (two instances) or a batch and an uninstall
  // then queue instead of deadlocking.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction(async (tx) => {
        // Raw statements with the rows as one JSON parameter: a batch is hundreds of rows and
        // dozens of keys, which Prisma would compile as a query each time (a few per cent of
        // the server's CPU under API load in `npm run bench`).
        await tx.$executeRaw`
          INSERT INTO "ApiRequestLog" ("id", "tenantId", "apiKeyId", "oauthGrantId", "marketplaceAppId", "method", "route", "status", "durationMs", "bytes", "createdAt")
          SELECT gen_random_uuid()::text, r."tenantId", r."apiKeyId", r."oauthGrantId", r."marketplaceAppId", r."method", r."route", r."status", r."durationMs", r."bytes", r."createdAt"
          FROM jsonb_to_recordset(${JSON.stringify(batch.map(logRow))}::jsonb) AS r(
            "tenantId" text, "apiKeyId" text, "oauthGrantId" text, "marketplaceAppId" text, "method" text, "route" text,
            "status" integer, "durationMs" integer, "bytes" integer, "createdAt" timestamp)`;
        for (const { installationId, last } of installations) await tx.appInstallation.updateMany({ where: { id: installationId }, data: { lastActivityAt: last } });
        for (const [grantId, last] of grants) await tx.oAuthGrant.updateMany({ where: { id: grantId }, data: { lastUsedAt: last } });
        if (keys.length > 0) {
          // The keys locked by id first (FOR UPDATE in that order), then counted.
          await tx.$executeRaw`
            WITH counts AS (
              SELECT * FROM jsonb_to_recordset(${JSON.stringify(keys.map(({ keyId, count, last, writeLastUsed }) => ({ keyId, count, last: utc(last), writeLastUsed })))}::jsonb)
                AS c("keyId" text, "count" integer, "last" timestamp, "writeLastUsed" boolean)
            ), locked AS (
              SELECT k."id" FROM "ApiKey" k WHERE k."id" IN (SELECT "keyId" FROM counts) ORDER BY k."id" FOR UPDATE
            )
            UPDATE "ApiKey" k
            SET "requestCount" = k."requestCount" + c."count", "lastUsedAt" = CASE WHEN c."writeLastUsed" THEN c."last" ELSE k."lastUsedAt" END
            FROM counts c
            WHERE k."id" = c."keyId" AND k."id" IN (SELECT "id" FROM locked)`;
        }
        // In the log's transaction: the log and the meters move together.
        for (const [key, { count, at }] of usage) await incrementUsage(key.slice(0, key.indexOf('|')), API_REQUESTS, count, at, tx);
        for (const { tenantId, appId, count, at } of appUsage) await incrementUsage(tenantId, appCallsMetric(appId), count, at, tx);
        // The rollup in the same transaction: the page never sees a log line without its sum.
        // ORDER BY: every batch upserts (and so locks) its rows in the database's order of the key.
        await tx.$executeRaw`
          INSERT INTO "ApiUsageDaily" ("tenantId", "day", "apiKeyId", "method", "route", "statusClass", "requests", "durationMs", "maxDurationMs", "latencyBuckets")
          SELECT g."tenantId", g."day", g."apiKeyId", g."method", g."route", g."statusClass", g."requests", g."durationMs", g."maxDurationMs", g."latencyBuckets"
          FROM jsonb_to_recordset(${JSON.stringify(daily)}::jsonb) AS g(
            "tenantId" text, "day" date, "apiKeyId" text, "method" text, "route" text, "statusClass" integer,
            "requests" integer, "durationMs" bigint, "maxDurationMs" integer, "latencyBuckets" integer[])
          ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT ("tenantId", "day", "apiKeyId", "method", "route", "statusClass") DO UPDATE SET
            "requests" = "ApiUsageDaily"."requests" + excluded."requests",
            "durationMs" = "ApiUsageDaily"."durationMs" + excluded."durationMs",
            "maxDurationMs" = GREATEST("ApiUsageDaily"."maxDurationMs", excluded."maxDurationMs"),
            "latencyBuckets" = ARRAY(
              SELECT was + added FROM unnest("ApiUsageDaily"."latencyBuckets", excluded."latencyBuckets") WITH ORDINALITY AS b(was, added, i) ORDER BY i)`;
      });
      break;
    } catch (error) {
      // A conflict with a writer that locks in another order undid the whole batch: run it again.
      if (attempt >= WRITE_ATTEMPTS || !isRetryableConflict(error)) throw error;
    }
  }
  for (const [grantId] of grants) s.lastUsedWritten.set(grantId, now);
  for (const { keyId, writeLastUsed } of keys) if (writeLastUsed) s.lastUsedWritten.set(keyId, now);
}
