import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { authOptionsFor } from './auth-options.ts';

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  membershipId: string;
  /** The server-side session the member is signed in with (absent for members made outside a request). */
  sessionId?: string;
}

export interface SignedInSession {
  userId: string;
  /** null: the platform's root domain. */
  tenantId: string | null;
  sessionId: string;
  signedInAt: number | null;
}

/**
 * The session of this request on this tenant's host (null: the root domain), or null. next-auth's
 * jwt callback has already refused cookies whose server-side session ended, expired or never
 * existed (lib/auth/auth-options.ts); this also requires the session to name one and to have
 * been made on this host. Memoized per request.
 */
export const readSession = cache(async (tenant: TenantContext | null): Promise<SignedInSession | null> => {
  const session = await getServerSession(authOptionsFor(tenant));
  const tenantId = tenant?.id ?? null;
  if (!session?.userId || !session.sessionId || session.tenantId !== tenantId) return null;
  return { userId: session.userId, tenantId, sessionId: session.sessionId, signedInAt: session.signedInAt };
});

/**
 * The signed-in member of this tenant, or null. The session must have been made on this
 * tenant, still stand, the membership must still exist (removing a member ends their access
 * at once), and be no younger than the sign-in.
 * Memoized per request: the layout and the page both ask.
 */
export const getCurrentMember = cache(async (tenant: TenantContext): Promise<Member | null> => {
  const session = await readSession(tenant);
  if (!session) return null;
  const membership = await db.membership.findUnique({
    where: { tenantId_userId: { tenantId: tenant.id, userId: session.userId } },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!membership) return null;
  // A member removed (or deprovisioned) and later added again starts with a fresh sign-in:
  // a cookie kept from before the removal must not come back to life with the new membership.
  if (session.signedInAt !== null && membership.createdAt.getTime() > session.signedInAt) return null;
  return { userId: membership.user.id, email: membership.user.email, name: membership.user.name, role: membership.role, membershipId: membership.id, sessionId: session.sessionId };
});

/** The signed-in platform operator on the root domain, or null. */
export async function getCurrentOperator(): Promise<{ userId: string; email: string } | null> {
  const session = await readSession(null);
  if (!session) return null;
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { id: true, email: true, isPlatformAdmin: true } });
  return user?.isPlatformAdmin ? { userId: user.id, email: user.email } : null;
}
