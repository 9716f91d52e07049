import { LRUCache } from 'lru-cache';
import type { db } from '../db/client.ts';
import { onNotify } from '../db/notify-listener.ts';

// Every request with a session cookie asks whether its session still stands, so the answer is
// cached per instance for a few seconds. Ending sessions NOTIFYs their ids in the transaction
// that ends them; every instance drops those entries when it commits. The TTL bounds what a
// missed notification can cost (a reconnect clears everything).
export const SESSION_CHANNEL = 'waypoint_sessions';
const TTL_MS = 30_000;
// NOTIFY payloads stop at 8000 bytes; past this, every instance simply clears its cache.
const MAX_PAYLOAD = 7_000;

export interface SessionState {
  userId: string;
  tenantId: string | null;
  expiresAt: number;
  revoked: boolean;
  lastSeenAt: number;
}

interface State {
  sessions: LRUCache<string, { value: SessionState | null }>;
}

const holder = globalThis as unknown as { __waypointSessions?: State };

function state(): State {
  holder.__waypointSessions ??= { sessions: new LRUCache({ max: 50_000, ttl: TTL_MS }) };
  return holder.__waypointSessions;
}

/** The cached state (null: known not to exist), or undefined on a miss. */
export function cachedSession(id: string): SessionState | null | undefined {
  onNotify(SESSION_CHANNEL, forgetSessions);
  return state().sessions.get(id)?.value;
}

export function rememberSession(id: string, value: SessionState | null): void {
  state().sessions.set(id, { value });
}

/** Drops the listed sessions ("id,id,…"), or everything for "*" or no payload (after a reconnect). */
export function forgetSessions(payload?: string): void {
  if (!payload || payload === '*') state().sessions.clear();
  else for (const id of payload.split(',')) state().sessions.delete(id);
}

/**
 * Call inside the transaction that ends these sessions: every instance forgets them when it
 * commits. This process forgets them at once too (scripts and tests have no listener).
 */
export async function notifySessionsEnded(tx: { $executeRaw: typeof db.$executeRaw }, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const joined = ids.join(',');
  const payload = joined.length <= MAX_PAYLOAD ? joined : '*';
  await tx.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, ${payload})`;
  forgetSessions(payload);
}
