import { API_REQUESTS, incrementUsage } from '../billing/usage.ts';
import { db } from '../db/client.ts';
import { appCallsMetric } from '../marketplace/pricing.ts';
import { logger } from '../observability/logger.ts';

// Public API requests are logged without delaying responses: entries are buffered and written
// in batches (every FLUSH_MS or BATCH entries). A batch also adds each tenant's billable
// requests to its usage meter for the billing period (UsagePeriod, lib/billing/usage.ts), bumps
// each key's request count, and sets lastUsedAt at most once a minute per key and per OAuth grant
// (and an installed marketplace app's lastActivityAt with its grant's). Requests made with a
// marketplace app's tokens carry the app's id: its partner's analytics count them, and so does
// the app's own meter in the workspace (UsagePeriod app_calls:<appId>), which usage-priced apps
// are billed on (lib/marketplace/app-usage-report.ts).

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
  const now = Date.now();
  await db.$transaction(async (tx) => {
    await tx.apiRequestLog.createMany({
      data: batch.map(({ tenantId, apiKeyId, oauthGrantId, marketplaceAppId, method, route, status, durationMs, bytes, createdAt }) => ({ tenantId, apiKeyId, oauthGrantId, marketplaceAppId: marketplaceAppId ?? null, method, route, status, durationMs, bytes, createdAt })),
    });
    for (const [keyId, { count, last }] of perKey) {
      const writeLastUsed = now - (s.lastUsedWritten.get(keyId) ?? 0) >= LAST_USED_EVERY_MS;
      if (writeLastUsed) s.lastUsedWritten.set(keyId, now);
      await tx.apiKey.updateMany({ where: { id: keyId }, data: { requestCount: { increment: count }, ...(writeLastUsed ? { lastUsedAt: last } : {}) } });
    }
    for (const [grantId, last] of perGrant) {
      if (now - (s.lastUsedWritten.get(grantId) ?? 0) < LAST_USED_EVERY_MS) continue;
      s.lastUsedWritten.set(grantId, now);
      await tx.oAuthGrant.updateMany({ where: { id: grantId }, data: { lastUsedAt: last } });
      const installationId = installationOf.get(grantId);
      if (installationId) await tx.appInstallation.updateMany({ where: { id: installationId }, data: { lastActivityAt: last } });
    }
    // In the log's transaction: the log and the meters move together.
    for (const [key, { count, at }] of perTenant) await incrementUsage(key.slice(0, key.indexOf('|')), API_REQUESTS, count, at, tx);
    for (const { tenantId, appId, count, at } of perApp.values()) await incrementUsage(tenantId, appCallsMetric(appId), count, at, tx);
  });
}
