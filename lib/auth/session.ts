import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { avatarPath } from '../account/avatar-path.ts';
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { activeImpersonation } from '../platform/impersonation.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { authOptionsFor } from './auth-options.ts';
import type { SessionClaims } from './request-session.ts';

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  membershipId: string;
  /** The server-side session the member is signed in with (absent for members made outside a request). */
  sessionId?: string;
  /** The member's picture in this workspace (a same-origin URL), or null. Set for signed-in members. */
  avatarUrl?: string | null;
  /** The IANA zone the member reads dates in: theirs, else the workspace's. Set for signed-in members. */
  timeZone?: string;
  /** The member's chosen BCP 47 locale, or null (then the workspace's: lib/format/settings.ts). Set for signed-in members. */
  locale?: string | null;
  /**
   * Set when a marketplace app installed in the workspace acts (AppInstallation.id): the member
   * is the one its actions are attributed to, and it reads as the workspace-wide principal it is
   * (every team's goals, lib/goals/goal-visibility.ts).
   */
  appInstallationId?: string;
  /** Set while a platform operator acts as this member for support (the banner, read-only writes). */
  impersonation?: { id: string; operatorId: string; operatorEmail: string; readOnly: boolean; expiresAt: Date };
}

/**
 * The session of this page's request on this tenant's host (null: the root domain), or null.
 * next-auth's jwt callback has already refused cookies whose server-side session ended,
 * expired or never existed (lib/auth/auth-options.ts); this also requires the session to name
 * one and to have been made on this host. Memoized per request. Route handlers read theirs
 * from the request (lib/auth/request-session.ts).
 */
export const readSession = cache(async (tenant: TenantContext | null): Promise<SessionClaims | null> => {
  const session = await getServerSession(authOptionsFor(tenant));
  const tenantId = tenant?.id ?? null;
  if (!session?.userId || !session.sessionId || session.tenantId !== tenantId) return null;
  return { userId: session.userId, tenantId, sessionId: session.sessionId, signedInAt: session.signedInAt, ...(session.impersonationId ? { impersonationId: session.impersonationId } : {}) };
});

/**
 * The member a session of this tenant stands for, or null. The session must have been made on
 * this tenant, the membership must still exist (removing a member ends their access at once),
 * and be no younger than the sign-in: a member removed (or deprovisioned) and later added
 * again starts with a fresh sign-in, so a cookie kept from before the removal does not come
 * back to life with the new membership.
 */
export async function memberForSession(tenant: TenantContext, claims: SessionClaims | null): Promise<Member | null> {
  if (!claims || claims.tenantId !== tenant.id) return null;
  const membership = await db.membership.findUnique({
    where: { tenantId_userId: { tenantId: tenant.id, userId: claims.userId } },
    select: { id: true, role: true, createdAt: true, avatarAssetId: true, timeZone: true, locale: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!membership) return null;
  if (claims.signedInAt !== null && membership.createdAt.getTime() > claims.signedInAt) return null;
  const impersonation = claims.impersonationId ? await activeImpersonation(claims.impersonationId) : null;
  // An impersonation that ended or ran out takes its session with it.
  if (claims.impersonationId && !impersonation) return null;
  return {
    userId: membership.user.id,
    email: membership.user.email,
    name: membership.user.name,
    role: membership.role,
    membershipId: membership.id,
    sessionId: claims.sessionId,
    avatarUrl: membership.avatarAssetId ? avatarPath(membership.avatarAssetId) : null,
    timeZone: membership.timeZone ?? tenant.timeZone,
    locale: membership.locale,
    ...(impersonation ? { impersonation } : {}),
  };
}

/** The signed-in member of this tenant (pages; memoized per request: the layout and the page both ask). */
export const getCurrentMember = cache(async (tenant: TenantContext): Promise<Member | null> => memberForSession(tenant, await readSession(tenant)));

/** A member of the platform's staff, signed in; `twoFactor`: whether their account has 2FA on (the console requires it). */
export interface SignedInOperator extends OperatorActor {
  twoFactor: boolean;
}

/** The platform operator a root-domain session stands for, or null. */
export async function operatorForSession(claims: SessionClaims | null): Promise<SignedInOperator | null> {
  if (!claims || claims.tenantId !== null) return null;
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { id: true, email: true, platformRole: true, totpEnabledAt: true } });
  return user?.platformRole ? { userId: user.id, email: user.email, role: user.platformRole, twoFactor: user.totpEnabledAt !== null } : null;
}

/** The signed-in platform operator on the root domain, or null (2FA or not: see requireOperator). */
export const getCurrentOperator = cache(async (): Promise<SignedInOperator | null> => operatorForSession(await readSession(null)));
