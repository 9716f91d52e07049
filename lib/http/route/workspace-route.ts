import type { z } from 'zod';
import { sessionFromRequest } from '../../auth/request-session.ts';
import { memberForSession, type Member } from '../../auth/session.ts';
import { mustEnrolTwoFactor } from '../../auth/two-factor-policy.ts';
import { requireFeature, type Feature } from '../../billing/entitlements.ts';
import { can, type Permission } from '../../members/permissions.ts';
import { guardImpersonatedRequest } from '../../platform/impersonation-guard.ts';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { AppError, forbidden, unauthorized } from '../problem.ts';
import type { BodySpec } from './body.ts';
import { defineRoute, type Call, type Door, type RequestContext, type RouteHandler, type RouteSpec } from './define-route.ts';
import type { ParamsShape } from './params.ts';

// The workspace app's door: routes on a workspace's own host (proxy.ts sealed its tenant into
// the request), used by its pages with the session cookie, so writes must come from the same
// origin. `permission` asks for a signed-in member whose role allows it (401 without a
// session, 403 without the permission) and, with `feature`, a plan that includes it;
// `auth: 'session'` only needs someone signed in on this host, member or not (accepting an
// invitation); `auth: 'none'` is public on the workspace host (brand images, SSO start).

type MemberOptions = { permission: Permission; feature?: Feature; auth?: 'member' };
type SessionOptions = { auth: 'session' };
type PublicOptions = { auth: 'none' };
type WorkspaceOptions = MemberOptions | SessionOptions | PublicOptions;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function tenantOf(call: Call): Promise<TenantContext> {
  const tenant = call.facts.tenantId ? await getTenantById(call.facts.tenantId) : null;
  if (!tenant) throw new AppError(404, 'workspace_required', "This endpoint is served on a workspace's own address, e.g. https://acme.example.com.");
  return tenant;
}

/**
 * Who is calling, by the door's rules (also used by the live stream, which Waypoint's server
 * answers itself: lib/realtime/live-http.ts).
 */
export async function enterWorkspace(call: Call, options: MemberOptions): Promise<{ tenant: TenantContext; member: Member }>;
export async function enterWorkspace(call: Call, options: WorkspaceOptions): Promise<Record<string, unknown>>;
export async function enterWorkspace(call: Call, options: WorkspaceOptions): Promise<Record<string, unknown>> {
  const tenant = await tenantOf(call);
  if (!('permission' in options)) {
    if (options.auth === 'none') return { tenant };
    const session = await sessionFromRequest(call.req, tenant);
    // Acting as someone is for looking at the workspace as they do, not for accepting invitations in their name.
    if (session?.impersonationId && !READS.has(call.req.method)) throw new AppError(403, 'impersonation_read_only', 'Support access cannot do this.');
    return { tenant, userId: session?.userId ?? null };
  }
  const member = await memberForSession(tenant, await sessionFromRequest(call.req, tenant));
  if (!member) throw unauthorized();
  if (!can(member.role, options.permission)) throw forbidden('Your role does not allow this.');
  await guardImpersonatedRequest(member, { tenantId: tenant.id, method: call.req.method, path: call.req.nextUrl.pathname, ip: call.facts.clientIp });
  // The account's own routes stay open: they are how such a member turns 2FA on.
  if (!call.req.nextUrl.pathname.startsWith('/api/app/account/') && (await mustEnrolTwoFactor(tenant, member))) {
    throw new AppError(403, 'two_factor_required', `${tenant.name} requires two-factor authentication for admins and owners. Turn it on under Account › Security.`);
  }
  if (options.feature) await requireFeature(tenant, options.feature);
  return { tenant, member };
}

const workspaceDoor: Door<WorkspaceOptions, Record<string, unknown>> = {
  name: 'workspace',
  speaksPageLanguage: true,
  sameOrigin: true,
  meta: (options) => ({ host: 'tenant', auth: 'permission' in options ? 'member' : options.auth, ...('permission' in options ? { permission: options.permission } : {}) }),
  enter: enterWorkspace,
};

type Ctx<P extends ParamsShape | undefined, B extends BodySpec, Q extends z.ZodType | undefined> = RequestContext<P, B, Q> & { tenant: TenantContext };

export function workspaceRoute<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: MemberOptions & RouteSpec<P, B, Q>,
  handler: (ctx: Ctx<P, B, Q> & { member: Member }) => Promise<Response>,
): RouteHandler;
export function workspaceRoute<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: SessionOptions & RouteSpec<P, B, Q>,
  handler: (ctx: Ctx<P, B, Q> & { userId: string | null }) => Promise<Response>,
): RouteHandler;
export function workspaceRoute<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: PublicOptions & RouteSpec<P, B, Q>,
  handler: (ctx: Ctx<P, B, Q>) => Promise<Response>,
): RouteHandler;
export function workspaceRoute(spec: WorkspaceOptions & RouteSpec<ParamsShape | undefined, BodySpec, z.ZodType | undefined>, handler: (ctx: never) => Promise<Response>): RouteHandler {
  return defineRoute(workspaceDoor, spec, spec, handler as (ctx: unknown) => Promise<Response>);
}
