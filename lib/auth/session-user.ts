import type { TenantContext } from '../tenancy/tenant-context.ts';
import { readSession } from './session.ts';

/**
 * The user whose session was made on this tenant's host, member or not. Unlike
 * getCurrentMember(), this also knows someone who is signed in but not (or no longer) a
 * member, e.g. a person accepting an invitation back into the workspace.
 */
export async function getSessionUserId(tenant: TenantContext): Promise<string | null> {
  return (await readSession(tenant))?.userId ?? null;
}
