import { forbidden, redirect } from 'next/navigation';
import { getCurrentMember, type Member } from '../auth/session.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { can, type Permission } from './permissions.ts';

/** For tenant pages: the signed-in member (else to /signin), with the permission (else 403). */
export async function requireMember(tenant: TenantContext, permission: Permission = 'workspace.read'): Promise<Member> {
  const member = await getCurrentMember(tenant);
  if (!member) redirect('/signin');
  if (!can(member.role, permission)) forbidden();
  return member;
}
