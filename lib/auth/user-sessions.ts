import { db, type Prisma } from '../db/client.ts';
import type { SessionEndReason, SignInMethod } from '../db/generated/enums.ts';
import { cachedSession, notifySessionsEnded, rememberSession, type SessionState } from './session-cache.ts';

// Browser sessions kept on the server. next-auth's JWT cookie carries the session's id (sid);
// every read of a session checks its row (cached, lib/auth/session-cache.ts), so ending the row
// ends the session everywhere, whatever copies of the cookie exist.

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Ended and expired sessions stay listed in the database this long, then go. */
const KEEP_ENDED_MS = 30 * 24 * 60 * 60_000;
/** lastSeenAt is written at most this often per session: "last seen" is about minutes, not requests. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60_000;

/** Thrown from next-auth's jwt callback: next-auth then clears the cookie and answers no session. */
export class SessionEndedError extends Error {
  override name = 'SessionEnded';
}

export function isSessionEnded(error: unknown): boolean {
  return error instanceof Error && error.name === 'SessionEnded';
}

export interface NewSession {
  userId: string;
  tenantId: string | null;
  method: SignInMethod;
  ip: string | null;
  userAgent: string | null;
  /** An operator acting as the user: the session is tied to it and ends with it. */
  impersonation?: { id: string; expiresAt: Date };
}

export async function startSession(input: NewSession, now = new Date()): Promise<{ id: string; createdAt: Date }> {
  const row = await db.userSession.create({
    data: {
      userId: input.userId,
      tenantId: input.tenantId,
      method: input.method,
      ip: input.ip?.slice(0, 64) ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: input.impersonation?.expiresAt ?? new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      impersonationId: input.impersonation?.id ?? null,
    },
    select: { id: true, userId: true, tenantId: true, createdAt: true, expiresAt: true },
  });
  rememberSession(row.id, { userId: row.userId, tenantId: row.tenantId, expiresAt: row.expiresAt.getTime(), revoked: false, lastSeenAt: now.getTime() });
  // Keep the table small, as lib/auth/throttle.ts does: now and then, drop long-finished sessions.
  if (Math.random() < 0.02) {
    const before = new Date(now.getTime() - KEEP_ENDED_MS);
    await db.userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } });
  }
  return row;
}

async function loadState(id: string): Promise<SessionState | null> {
  const cached = cachedSession(id);
  if (cached !== undefined) return cached;
  const row = await db.userSession.findUnique({ where: { id }, select: { userId: true, tenantId: true, expiresAt: true, revokedAt: true, lastSeenAt: true } });
  const value = row ? { userId: row.userId, tenantId: row.tenantId, expiresAt: row.expiresAt.getTime(), revoked: row.revokedAt !== null, lastSeenAt: row.lastSeenAt.getTime() } : null;
  rememberSession(id, value);
  return value;
}

/**
 * Whether session `id` still stands for this user on this tenant (null: the platform), and
 * notes that it was seen (at most every few minutes).
 */
export async function sessionIsActive(id: string, expected: { userId: string; tenantId: string | null }, now = Date.now()): Promise<boolean> {
  const session = await loadState(id);
  if (!session || session.revoked || session.expiresAt <= now) return false;
  if (session.userId !== expected.userId || session.tenantId !== expected.tenantId) return false;
  if (now - session.lastSeenAt >= LAST_SEEN_INTERVAL_MS) {
    session.lastSeenAt = now;
    // The condition keeps instances that noticed at the same time from writing twice.
    await db.userSession.updateMany({ where: { id, lastSeenAt: { lt: new Date(now - LAST_SEEN_INTERVAL_MS / 2) } }, data: { lastSeenAt: new Date(now) } });
  }
  return true;
}

/** Which sessions to end: one user's, optionally only on one tenant (null: the platform's), one session, or all but one. */
export interface SessionFilter {
  userId: string;
  tenantId?: string | null;
  sessionId?: string;
  exceptSessionId?: string | null;
}

/** Any client or transaction, plain or tenant-scoped, that can end sessions. */
export interface SessionWriter {
  userSession: {
    updateManyAndReturn(args: {
      where: Prisma.UserSessionWhereInput;
      data: { revokedAt: Date; revokedReason: SessionEndReason };
      select: { id: true };
    }): PromiseLike<{ id: string }[]>;
  };
  $executeRaw: typeof db.$executeRaw;
}

/**
 * Ends the sessions that match, inside the caller's transaction (through tenantDb() it only
 * reaches that tenant's sessions), and tells every instance. Returns how many ended.
 */
export async function endSessions(tx: SessionWriter, filter: SessionFilter, reason: SessionEndReason, now = new Date()): Promise<number> {
  const ended = await tx.userSession.updateManyAndReturn({
    where: {
      userId: filter.userId,
      ...(filter.tenantId !== undefined ? { tenantId: filter.tenantId } : {}),
      ...(filter.sessionId ? { id: filter.sessionId } : {}),
      ...(filter.exceptSessionId ? { NOT: { id: filter.exceptSessionId } } : {}),
      revokedAt: null,
      expiresAt: { gt: now },
    },
    data: { revokedAt: now, revokedReason: reason },
    select: { id: true },
  });
  await notifySessionsEnded(tx, ended.map((row) => row.id));
  return ended.length;
}

/** Ends one session by id (sign-out). */
export async function endSession(id: string, reason: SessionEndReason): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.userSession.findUnique({ where: { id }, select: { userId: true } });
    if (row) await endSessions(tx, { userId: row.userId, sessionId: id }, reason);
  });
}

export interface ActiveSession {
  id: string;
  method: SignInMethod;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** The user's sessions that still stand on one tenant (null: the platform), most recently seen first. */
export async function activeSessions(userId: string, tenantId: string | null, now = new Date()): Promise<ActiveSession[]> {
  return db.userSession.findMany({
    where: { userId, tenantId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
    take: 200,
    select: { id: true, method: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}
