import { z } from 'zod';
import { endSessions } from '../auth/user-sessions.ts';
import { db } from '../db/client.ts';
import { notFound, parseInput } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';

// Restriction of processing (GDPR art. 18) and objection (art. 21): on the person's request an
// operator freezes their account. Their data stays; they cannot sign in anywhere (every session
// ends now, and next-auth's signIn callback refuses new ones) and no email goes to them
// (lib/email/send-email.ts skips them). Lifting it restores both.

export const restrictionSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  restricted: z.boolean(),
  reason: z.string().trim().min(5, 'Say why (the request it answers).').max(500),
});

export async function setRestriction(operator: OperatorActor, input: unknown, ip: string | null = null, now = new Date()): Promise<{ userId: string; restrictedAt: string | null; endedSessions: number }> {
  const { email, restricted, reason } = parseInput(restrictionSchema, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw notFound('No account with this address.');
    await tx.user.update({ where: { id: user.id }, data: restricted ? { restrictedAt: now, restrictionReason: reason } : { restrictedAt: null, restrictionReason: null } });
    const endedSessions = restricted ? await endSessions(tx, { userId: user.id }, 'ended_by_admin', now) : 0;
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: restricted ? 'user.restricted' : 'user.restriction_lifted', target: { type: 'user', id: user.id }, reason, ip, metadata: { endedSessions } });
    return { userId: user.id, restrictedAt: restricted ? now.toISOString() : null, endedSessions };
  });
}

/** Whether processing is frozen for this account (by id or address). */
export async function isRestricted(who: { id?: string | null; email?: string | null }): Promise<boolean> {
  const or = [...(who.id ? [{ id: who.id }] : []), ...(who.email ? [{ email: who.email.trim().toLowerCase() }] : [])];
  if (or.length === 0) return false;
  return (await db.user.count({ where: { OR: or, restrictedAt: { not: null } } })) > 0;
}
