import { tenantDb } from '../db/tenant-db.ts';
import { canSee, type AudienceViewer } from './audience.ts';
import type { LiveEventMessage, LiveSubject } from './protocol.ts';

// What a browser missed while its stream was down (Last-Event-ID, or the polling fallback's
// ?after=), read back from DomainEvent by seq. A seq is taken when a row is inserted, but
// events reach listeners in commit order: a transaction that took seq 100 and committed after
// 101 was announced would be skipped by "seq > 101" alone. So the replay also re-sends the
// events written up to OVERLAP_MS before the last one the browser has (it de-dupes by event
// id). More than REPLAY_LIMIT missed: the answer is a reset (refetch everything shown).

export const REPLAY_LIMIT = 500;
export const OVERLAP_MS = 10_000;
const OVERLAP_LIMIT = 200;

export interface Replay {
  /** Too far behind (or the last event is gone): refetch everything. */
  reset: boolean;
  events: LiveEventMessage[];
  /** The highest seq looked at (what the next replay starts after). */
  cursor: string;
}

const SELECT = { seq: true, id: true, type: true, actorId: true, payload: true, audience: true, audienceTeamId: true, audienceUserIds: true } as const;

/** The ids the live trigger announces, from a stored payload. */
export function subjectOf(payload: unknown): LiveSubject {
  const subject: LiveSubject = {};
  if (!payload || typeof payload !== 'object') return subject;
  const p = payload as Record<string, unknown>;
  for (const key of ['goalId', 'milestoneId', 'habitId', 'teamId', 'userId', 'commentId'] as const) if (typeof p[key] === 'string') subject[key] = p[key];
  return subject;
}

/** The tenant's latest seq ('0' without events): where a new stream starts. */
export async function latestSeq(tenantId: string): Promise<string> {
  const last = await tenantDb(tenantId).domainEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
  return (last?.seq ?? 0n).toString();
}

export async function eventsAfter(tenantId: string, after: bigint, viewer: AudienceViewer): Promise<Replay> {
  const scoped = tenantDb(tenantId);
  let overlapFrom: Date | null = null;
  if (after > 0n) {
    const last = await scoped.domainEvent.findFirst({ where: { seq: after }, select: { occurredAt: true } });
    // Not this tenant's, or gone: nothing to count from.
    if (!last) return { reset: true, events: [], cursor: await latestSeq(tenantId) };
    overlapFrom = new Date(last.occurredAt.getTime() - OVERLAP_MS);
  }
  const [newer, overlap] = await Promise.all([
    scoped.domainEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: REPLAY_LIMIT + 1, select: SELECT }),
    overlapFrom ? scoped.domainEvent.findMany({ where: { seq: { lte: after }, occurredAt: { gte: overlapFrom } }, orderBy: { seq: 'desc' }, take: OVERLAP_LIMIT, select: SELECT }) : [],
  ]);
  if (newer.length > REPLAY_LIMIT) return { reset: true, events: [], cursor: await latestSeq(tenantId) };
  const rows = [...overlap.reverse(), ...newer];
  const cursor = (newer.length ? newer[newer.length - 1].seq : after).toString();
  const events = rows
    .filter((row) => canSee(row, viewer))
    .map((row): LiveEventMessage => ({ kind: 'event', seq: row.seq.toString(), id: row.id, type: row.type, actorId: row.actorId, subject: subjectOf(row.payload) }));
  return { reset: false, events, cursor };
}

/** A Last-Event-ID or ?after= value: a seq, or null when absent or not one. */
export function parseSeq(value: string | null | undefined): bigint | null {
  if (!value || !/^\d{1,19}$/.test(value.trim())) return null;
  return BigInt(value.trim());
}
