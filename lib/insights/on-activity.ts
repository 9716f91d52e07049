import { db } from '../db/client.ts';
import { enqueue, enqueueMany } from '../jobs/queue.ts';
import { LIVE_STATUSES } from './run-insights.ts';

// When the rules run: after a member's activity (a habit logged, a goal's progress moved) for
// that member and their teams, and every hour for every live workspace (streaks at risk move
// with the clock). Activity is coalesced: the events of one member in the same minute make one
// job, which starts a little later so that a burst of logs is read once.

/** Events that change what the rules see, and whose member to refresh. */
const ACTIVITY_EVENTS = new Set(['habit.logged', 'goal.updated', 'goal.completed', 'goal.created']);

/** Seconds between activity and the refresh: a burst of changes settles first. */
export const ACTIVITY_DELAY_SECONDS = 20;
const COALESCE_SECONDS = 60;

/** Called for every dispatched domain event (lib/jobs/dispatch-event.ts); a no-op for the rest. */
export async function requestInsightsForEvent(eventId: string, type: string, now: Date = new Date()): Promise<boolean> {
  if (!ACTIVITY_EVENTS.has(type)) return false;
  const event = await db.domainEvent.findUnique({ where: { id: eventId }, select: { tenantId: true, actorId: true, payload: true } });
  const payloadUser = (event?.payload as { userId?: unknown } | null)?.userId;
  const userId = typeof payloadUser === 'string' ? payloadUser : event?.actorId;
  if (!event || !userId) return false;
  const bucket = Math.floor(now.getTime() / 1000 / COALESCE_SECONDS);
  await enqueue('insights.member', { tenantId: event.tenantId, userId }, { singletonKey: `${event.tenantId}:${userId}:${bucket}`, startAfterSeconds: ACTIVITY_DELAY_SECONDS });
  return true;
}

/** The hourly fan-out: one job per live workspace and hour. */
export async function scheduleWorkspaceInsights(now: Date = new Date()): Promise<{ workspaces: number }> {
  const ids = (await db.tenant.findMany({ where: { status: { in: [...LIVE_STATUSES] } }, select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id);
  const hour = Math.floor(now.getTime() / 3_600_000);
  await enqueueMany(
    'insights.workspace',
    ids.map((tenantId) => ({ payload: { tenantId }, singletonKey: `${tenantId}:${hour}` })),
  );
  return { workspaces: ids.length };
}
