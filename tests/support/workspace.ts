import type { Member } from '../../lib/auth/session.ts';
import type { Role } from '../../lib/db/generated/enums.ts';
import { toAppError, type AppError } from '../../lib/http/problem.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createMember, createTenant, memberOf } from './factories.ts';

/** A fresh tenant, as services see it (on the enterprise plan unless `plan` says otherwise). */
export async function workspace(options: { plan?: string } = {}): Promise<TenantContext> {
  return contextOf((await createTenant(options)).id);
}

/** A new user with this role in the tenant, as services see them. */
export async function memberIn(tenant: TenantContext, role: Role = 'member'): Promise<Member> {
  return memberOf(tenant.id, (await createMember(tenant.id, role)).id);
}

/** The AppError a call fails with (zod errors mapped the way route handlers map them). */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error('expected the call to fail');
}
