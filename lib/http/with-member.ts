import { getCurrentMember, type Member } from '../auth/session.ts';
import { can, type Permission } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { forbidden, unauthorized } from './problem.ts';
import { withTenant, type Handler, type RouteContext } from './wrappers.ts';

export type MemberContext<C = RouteContext> = C & { tenant: TenantContext; member: Member };

/**
 * On a tenant host, for a signed-in member of that tenant whose role has `permission`:
 * 401 without a session, 403 without the permission.
 */
export function withMember<C = RouteContext>(permission: Permission, handler: Handler<MemberContext<C>>): Handler<C> {
  return withTenant<C>(async (req, ctx) => {
    const member = await getCurrentMember(ctx.tenant);
    if (!member) throw unauthorized();
    if (!can(member.role, permission)) throw forbidden('Your role does not allow this.');
    return handler(req, { ...ctx, member });
  });
}
