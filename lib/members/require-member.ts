import { forbidden, redirect } from 'next/navigation';
import { getCurrentMember, type Member } from '../auth/session.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { can, type Permission } from './permissions.ts';
import { ENROL_PATH, mustEnrolTwoFactor } from '../auth/two-factor-policy.ts';

/**
 * For tenant pages: the signed-in member (else to /signin), with the permission (else 403).
 * Where the workspace requires 2FA of this member's role and they have none, to enrolment
 * (except on the pages that enrolment itself needs: `twoFactorOptional`).
 */
export async function requireMember(tenant: TenantContext, permission: Permission = 'workspace.read', options: { twoFactorOptional?: boolean } = {}): Promise<Member> {
  const member = await getCurrentMember(tenant);
  if (!member) redirect('/signin');
  if (!can(member.role, permission)) forbidden();
  if (!options.twoFactorOptional && (await mustEnrolTwoFactor(tenant, member))) redirect(ENROL_PATH);
  return member;
}
