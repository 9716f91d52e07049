import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { config } from '../config/env.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { memberForSession, type Member } from './session.ts';
import { sessionSecret } from './session-secret.ts';
import { sessionIsActive } from './user-sessions.ts';

// The session behind a route handler's request, read from the request's own cookies (pages
// use getServerSession, which reads them through next/headers). Only the cookie counts: a
// session token in an Authorization header, which next-auth's getToken would also accept, is
// not a browser session, and the same-origin check of the route builder is built for cookies.

export interface SessionClaims {
  userId: string;
  /** The tenant the session was made on; null on the platform's root domain. */
  tenantId: string | null;
  /** The server-side session (UserSession) the cookie stands for. */
  sessionId: string;
  /** When the sign-in happened (ms). */
  signedInAt: number | null;
  /** Set when a platform operator is acting as the user (lib/platform/impersonation.ts). */
  impersonationId?: string;
}

export function claimsOf(token: Record<string, unknown> | null): SessionClaims | null {
  if (!token || typeof token.uid !== 'string' || typeof token.sid !== 'string') return null;
  return {
    userId: token.uid,
    tenantId: typeof token.tid === 'string' ? token.tid : null,
    sessionId: token.sid,
    signedInAt: typeof token.sat === 'number' ? token.sat : null,
    ...(typeof token.imp === 'string' ? { impersonationId: token.imp } : {}),
  };
}

/**
 * The session made on this host (this tenant, or the platform when tenant is null), or null:
 * the cookie must decrypt with this host's key and name a server-side session that still
 * stands (not signed out, ended by a password change, a removal or an admin, nor expired;
 * lib/auth/user-sessions.ts, cached per instance and cleared everywhere by NOTIFY).
 */
export async function sessionFromRequest(req: NextRequest, tenant: TenantContext | null): Promise<SessionClaims | null> {
  const token = await getToken({
    req: { cookies: req.cookies, headers: new Headers() } as unknown as NextRequest,
    secret: sessionSecret(tenant?.id ?? 'platform'),
    secureCookie: config.secureCookies,
    logger: { error() {}, warn() {}, debug() {} },
  });
  const claims = claimsOf(token);
  if (!claims || claims.tenantId !== (tenant?.id ?? null)) return null;
  return (await sessionIsActive(claims.sessionId, { userId: claims.userId, tenantId: claims.tenantId })) ? claims : null;
}

/** The member of this tenant signed in on the request, or null (for routes that answer both). */
export async function memberFromRequest(req: NextRequest, tenant: TenantContext): Promise<Member | null> {
  return memberForSession(tenant, await sessionFromRequest(req, tenant));
}
