import { getServerSession } from 'next-auth';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { authOptionsFor } from './auth-options.ts';

/**
 * The user whose session was made on this tenant's host, member or not. Unlike
 * getCurrentMember(), this also knows someone who is signed in but not (or no longer) a
 * member, e.g. a person accepting an invitation back into the workspace.
 */
export async function getSessionUserId(tenant: TenantContext): Promise<string | null> {
  const session = await getServerSession(authOptionsFor(tenant));
  return session?.userId && session.tenantId === tenant.id ? session.userId : null;
}
