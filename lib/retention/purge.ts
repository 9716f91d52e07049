import { env } from '../config/env.ts';
import { db } from '../db/client.ts';
import { logger } from '../observability/logger.ts';
import { PURGES } from './policies.ts';
import { parseRetentionDays, RETENTION_WINDOWS, type RetentionWindows } from './windows.ts';

// The retention job (retention.purge, daily): each kind's rows past its window (windows.ts) go, in
// batches of BATCH (short statements, so no long locks on busy tables), until none are left or
// the run has taken MAX_RUN_MS (the next day's run goes on). Safe to run twice at once: a row
// is deleted once, and the other run finds nothing to do.

const DAY_MS = 86_400_000;
const BATCH = 5_000;
const MAX_RUN_MS = 10 * 60_000;

export interface PurgeResult {
  /** Rows deleted per kind (rows hanging on them, such as kudos on purged events, not counted). */
  deleted: Record<string, number>;
  /** Kinds cut short by the run's time limit. */
  unfinished: string[];
}

export function retentionWindows(): RetentionWindows {
  return parseRetentionDays(env().RETENTION_DAYS).windows;
}

export async function purgeExpired(now: Date, options: { windows?: RetentionWindows; batch?: number; maxRunMs?: number } = {}): Promise<PurgeResult> {
  const windows = options.windows ?? retentionWindows();
  const batch = options.batch ?? BATCH;
  const stopAt = performance.now() + (options.maxRunMs ?? MAX_RUN_MS);
  const result: PurgeResult = { deleted: {}, unfinished: [] };
  for (const { name } of RETENTION_WINDOWS) {
    const cutoff = new Date(now.getTime() - windows[name] * DAY_MS);
    let total = 0;
    for (const statement of PURGES[name](cutoff, batch)) {
      for (;;) {
        if (performance.now() > stopAt) {
          if (!result.unfinished.includes(name)) result.unfinished.push(name);
          break;
        }
        const [{ n }] = await db.$queryRaw<[{ n: number }]>(statement);
        total += n;
        if (n < batch) break;
      }
    }
    result.deleted[name] = total;
  }
  logger().info({ deleted: result.deleted, unfinished: result.unfinished }, 'retention: purged what is past its window');
  return result;
}
