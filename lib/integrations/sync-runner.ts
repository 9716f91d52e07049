import { db, Prisma } from '../db/client.ts';
import type { IntegrationConnection, SyncFrequency } from '../db/generated/client.ts';
import { enqueue } from '../jobs/queue.ts';
import { logger } from '../observability/logger.ts';
import { accessTokenFor, recordProviderFailure, recordProviderSuccess } from './connections.ts';
import { logIntegration } from './log.ts';
import { ProviderError } from './provider-error.ts';
import { integrationFor, isIntegrationId } from './registry.ts';
import type { SyncContext, SyncReason, SyncSummary } from './types.ts';

// Every sync is a job (integrations.sync), one at a time per connection: a sync holds a lease
// on its connection row; a request that arrives while it runs marks syncRequestedAt, and the
// running sync goes again when it ends, so no change is missed and no two syncs race on one
// calendar. A provider's 429 or 5xx re-enqueues the sync after the longer of its Retry-After and
// our backoff, up to MAX_ATTEMPTS; a refused grant marks the connection "needs attention".

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const BACKOFF_SECONDS = [30, 120, 600, 1800, 3600];
/** Real-time connections follow changes as they happen; this poll catches what happens at the provider. */
const REALTIME_POLL_MS = 15 * 60_000;
const FREQUENCY_MS: Record<SyncFrequency, number> = { realtime: REALTIME_POLL_MS, hourly: 3_600_000, daily: 86_400_000 };
/** Requests within this window share one job (a burst of goal edits is one sync). */
const COALESCE_SECONDS = 5;

export interface SyncJobPayload {
  connectionId: string;
  reason: SyncReason;
  /** 0-based attempt after provider failures (429/5xx). */
  attempt?: number;
}

export function nextSyncAt(frequency: SyncFrequency, from: Date): Date {
  return new Date(from.getTime() + FREQUENCY_MS[frequency]);
}

/**
 * Enqueues a sync of the connection. Requests in the same few seconds are one job; each also
 * marks the row, so a request that lands while a sync runs (its job a duplicate, or skipped
 * by the lease) makes that sync run once more when it ends.
 */
export async function requestSync(connectionId: string, reason: SyncReason, options: { delaySeconds?: number; attempt?: number; key?: string } = {}): Promise<void> {
  const attempt = options.attempt ?? 0;
  if (!attempt) await db.integrationConnection.updateMany({ where: { id: connectionId }, data: { syncRequestedAt: new Date() } });
  const bucket = Math.floor(Date.now() / 1000 / COALESCE_SECONDS);
  const key = options.key ?? (attempt ? `${connectionId}:retry:${attempt}:${bucket}` : `${connectionId}:${bucket}`);
  await enqueue('integrations.sync', { connectionId, reason, ...(attempt ? { attempt } : {}) }, { singletonKey: key, ...(options.delaySeconds ? { startAfterSeconds: options.delaySeconds } : {}) });
}

export type SyncOutcome =
  | { status: 'ok'; summary: SyncSummary }
  | { status: 'skipped'; why: 'running' | 'needs_attention' | 'gone' | 'not_syncable' }
  | { status: 'retrying'; inSeconds: number; error: string }
  | { status: 'failed'; error: string };

/** Takes the connection's lease, or records the request for the sync that holds it. */
async function acquireLease(connectionId: string, now: Date): Promise<{ connection: IntegrationConnection } | { outcome: SyncOutcome }> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "IntegrationConnection" c SET "syncLeaseUntil" = ${new Date(now.getTime() + LEASE_MS)}, "lastSyncStartedAt" = ${now}, "syncRequestedAt" = NULL
    FROM "IntegrationInstallation" i
    WHERE c.id = ${connectionId} AND i.id = c."installationId" AND i."uninstalledAt" IS NULL AND c.status = 'active'
      AND (c."syncLeaseUntil" IS NULL OR c."syncLeaseUntil" < ${now})
    RETURNING c.id`;
  if (rows.length) return { connection: await db.integrationConnection.findUniqueOrThrow({ where: { id: connectionId } }) };
  const current = await db.integrationConnection.findUnique({ where: { id: connectionId }, include: { installation: { select: { uninstalledAt: true } } } });
  if (!current || current.installation.uninstalledAt) return { outcome: { status: 'skipped', why: 'gone' } };
  if (current.status !== 'active') return { outcome: { status: 'skipped', why: 'needs_attention' } };
  await db.integrationConnection.update({ where: { id: connectionId }, data: { syncRequestedAt: now } });
  return { outcome: { status: 'skipped', why: 'running' } };
}

/** The job: one sync of one connection (see the top of this file). */
export async function runSync({ connectionId, reason, attempt = 0 }: SyncJobPayload, now = new Date()): Promise<SyncOutcome> {
  const leased = await acquireLease(connectionId, now);
  if ('outcome' in leased) return leased.outcome;
  const { connection } = leased;
  const integration = integrationFor(connection.provider);
  if (!integration.sync) {
    await db.integrationConnection.update({ where: { id: connectionId }, data: { syncLeaseUntil: null } });
    return { status: 'skipped', why: 'not_syncable' };
  }
  const entry = (level: 'info' | 'warning' | 'error', kind: 'sync' | 'conflict', message: string, detail?: Record<string, unknown>) =>
    logIntegration({ tenantId: connection.tenantId, installationId: connection.installationId, connectionId, level, kind, message, detail });
  const context: SyncContext = {
    connection,
    accessToken: () => accessTokenFor(connection),
    log: ({ level, kind, message, detail }) => entry(level, kind, message, detail),
    reason,
    now,
  };
  let outcome: SyncOutcome;
  try {
    const summary = await integration.sync(context);
    const finishedAt = new Date();
    await db.integrationConnection.update({
      where: { id: connectionId },
      data: {
        lastSyncAt: finishedAt,
        lastSyncResult: 'ok',
        lastSyncError: null,
        lastSyncSummary: { pushed: summary.pushed, pulled: summary.pulled, deleted: summary.deleted, conflicts: summary.conflicts },
        ...(summary.cursor !== undefined ? { syncCursor: summary.cursor } : {}),
        nextSyncAt: nextSyncAt(connection.syncFrequency, finishedAt),
      },
    });
    await recordProviderSuccess(connectionId);
    const changed = summary.pushed + summary.pulled + summary.deleted + summary.conflicts > 0;
    if (changed || reason === 'manual' || reason === 'connected') {
      await entry('info', 'sync', `Synced: ${summary.pushed} sent, ${summary.pulled} received, ${summary.deleted} removed${summary.conflicts ? `, ${summary.conflicts} conflict${summary.conflicts === 1 ? '' : 's'}` : ''}.`, { reason, ...summary, cursor: undefined });
    }
    outcome = { status: 'ok', summary };
  } catch (error) {
    outcome = await recordFailure(connection, error, reason, attempt, entry);
  } finally {
    await db.integrationConnection.updateMany({ where: { id: connectionId }, data: { syncLeaseUntil: null } });
  }
  // A request that came in while this ran: its change may not be in what was just synced.
  const after = await db.integrationConnection.findUnique({ where: { id: connectionId }, select: { syncRequestedAt: true, status: true } });
  if (after?.syncRequestedAt && after.status === 'active' && outcome.status !== 'retrying') {
    await requestSync(connectionId, 'change', { key: `${connectionId}:after:${connection.lastSyncStartedAt?.getTime() ?? now.getTime()}` });
  }
  return outcome;
}

async function recordFailure(
  connection: IntegrationConnection,
  error: unknown,
  reason: SyncReason,
  attempt: number,
  entry: (level: 'warning' | 'error', kind: 'sync', message: string, detail?: Record<string, unknown>) => Promise<void>,
): Promise<SyncOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  const failed = (text: string) => db.integrationConnection.update({ where: { id: connection.id }, data: { lastSyncAt: new Date(), lastSyncResult: 'failed', lastSyncError: text.slice(0, 1000) } });
  if (!(error instanceof ProviderError)) {
    // Our own failure (a bug, the database): the job's retries take it from here.
    logger().error({ err: error, connectionId: connection.id, reason }, 'integrations: sync failed');
    await failed('The sync failed on our side; it will be retried.');
    await entry('error', 'sync', 'The sync failed on our side; it will be retried.');
    throw error;
  }
  await recordProviderFailure(connection.id, error, 'sync');
  if (error.retryable && attempt + 1 < MAX_ATTEMPTS) {
    const inSeconds = Math.max(error.retryAfterSeconds ?? 0, BACKOFF_SECONDS[Math.min(attempt, BACKOFF_SECONDS.length - 1)]);
    const text = `${error.kind === 'rate_limited' ? 'The provider asked us to slow down' : 'The provider is unavailable'} (${error.status ?? 'no answer'}); retrying in ${inSeconds} s.`;
    await failed(text);
    await entry('warning', 'sync', text, { status: error.status, retryAfterSeconds: error.retryAfterSeconds, attempt: attempt + 1 });
    await requestSync(connection.id, 'retry', { delaySeconds: inSeconds, attempt: attempt + 1 });
    return { status: 'retrying', inSeconds, error: text };
  }
  const text = error.needsAttention ? `The provider refused the connection: ${message}` : `The sync failed: ${message}`;
  await failed(text);
  await entry('error', 'sync', text, { status: error.status, kind: error.kind });
  return { status: 'failed', error: text };
}

/**
 * The scheduler (every few minutes): syncs connections whose next sync is due (hourly and daily
 * ones, and the real-time ones' polling), and drops expired OAuth states.
 */
export async function scheduleDueSyncs(now = new Date()): Promise<{ enqueued: number }> {
  await db.integrationOAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
  const due = await db.integrationConnection.findMany({
    where: {
      status: 'active',
      installation: { uninstalledAt: null },
      OR: [{ nextSyncAt: { lte: now } }, { nextSyncAt: null, lastSyncAt: null, createdAt: { lt: new Date(now.getTime() - 60_000) } }],
    },
    select: { id: true, provider: true },
    orderBy: { nextSyncAt: { sort: 'asc', nulls: 'first' } },
    take: 1000,
  });
  let enqueued = 0;
  for (const { id, provider } of due) {
    // A connection of an integration no longer offered (or a bad row) must not stop the others.
    if (!isIntegrationId(provider)) {
      logger().warn({ connectionId: id, provider }, 'integrations: skipped a connection of an unknown integration');
      continue;
    }
    if (!integrationFor(provider).sync) continue;
    await requestSync(id, 'scheduled');
    enqueued += 1;
  }
  return { enqueued };
}

/** Changes a connection's settings or frequency and syncs it again with them. */
export async function updateConnectionSettings(connection: IntegrationConnection, input: { settings?: Record<string, unknown>; syncFrequency?: SyncFrequency }): Promise<IntegrationConnection> {
  const integration = integrationFor(connection.provider);
  const settings = input.settings && integration.connectionSettings ? integration.connectionSettings.parse({ ...(connection.settings as object), ...input.settings }) : undefined;
  const updated = await db.integrationConnection.update({
    where: { id: connection.id },
    data: {
      ...(settings !== undefined ? { settings: settings as Prisma.InputJsonValue } : {}),
      ...(input.syncFrequency ? { syncFrequency: input.syncFrequency, nextSyncAt: nextSyncAt(input.syncFrequency, new Date()) } : {}),
    },
  });
  if (integration.sync && settings !== undefined) await requestSync(connection.id, 'settings');
  return updated;
}
