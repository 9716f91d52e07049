import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { hasTwoFactor } from './second-factor.ts';

// A workspace may require two-factor sign-in of its admins and owners (Settings › General).
// Such a member without 2FA is sent to enrol before using the app: pages redirect to the
// account's Security tab, and the workspace API answers 403 two_factor_required (except the
// account routes, which enrolment needs).
//
// Sessions made through single sign-on are exempt: the identity provider authenticated the
// person, and multi-factor authentication is its job (and its policy). Requiring a Waypoint
// code on top would make SSO users keep a second authenticator for one app, which is what
// SSO exists to avoid. An SSO user who signs in with a password (an owner's break-glass
// sign-in) is not exempt.

export const ENROL_PATH = '/account/security?enrol=required';

export function roleNeedsTwoFactor(tenant: Pick<TenantContext, 'requireTwoFactor'>, role: Role): boolean {
  return tenant.requireTwoFactor && (role === 'owner' || role === 'admin');
}

/** Whether this signed-in member must turn 2FA on before going further. */
export async function mustEnrolTwoFactor(tenant: Pick<TenantContext, 'requireTwoFactor'>, member: { userId: string; role: Role; sessionId?: string }): Promise<boolean> {
  if (!roleNeedsTwoFactor(tenant, member.role)) return false;
  if (await hasTwoFactor(member.userId)) return false;
  if (member.sessionId && (await signedInWithSso(member.sessionId))) return false;
  return true;
}

export async function signedInWithSso(sessionId: string): Promise<boolean> {
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { method: true } });
  return session?.method === 'sso';
}
