import { createHash, randomBytes } from 'node:crypto';
import { db } from '../db/client.ts';
import type { SignInMethod } from '../db/generated/enums.ts';

// A fresh sign-up happens on the root domain but the session must be created on the
// tenant's host (cookies are host-only). A single-use token, valid for two minutes and
// stored only as a SHA-256 hash, carries the user across.
const TTL_MS = 2 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type Tx = Pick<typeof db, 'loginToken'>;

/** `method`: how the person proved who they are (sign-up link, invitation, SSO), kept on the session it makes. */
export async function issueLoginToken(tx: Tx, userId: string, tenantId: string, method: SignInMethod): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.loginToken.create({ data: { userId, tenantId, method, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TTL_MS) } });
  return token;
}

/** Marks the token used and returns its user and method, or null if unknown, expired, used or for another tenant. */
export async function consumeLoginToken(token: string, tenantId: string): Promise<{ userId: string; method: SignInMethod } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  // One UPDATE both checks and spends the token, so two concurrent uses cannot both win.
  const { count } = await db.loginToken.updateMany({
    where: { tokenHash: hashToken(token), tenantId, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return null;
  return db.loginToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true, method: true } });
}
