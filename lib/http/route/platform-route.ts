import type { z } from 'zod';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import type { BodySpec } from './body.ts';
import { defineRoute, type Call, type Door, type RequestContext, type RouteHandler, type RouteSpec } from './define-route.ts';
import type { ParamsShape } from './params.ts';
import { assertRootDomain } from './root-domain.ts';
import { tenantOf } from './workspace-route.ts';

// The platform's door, for routes that authenticate themselves or need no one: health,
// sign-up and the brand manifest; protocol endpoints with their own credentials and error
// formats (OAuth token/revoke/introspect, SCIM, SAML, Stripe's and Inngest's webhooks,
// next-auth). `host` says where it is served: 'root' (the platform's domain), 'tenant' (a
// workspace's host: the handler gets its tenant) or 'any'. Writes are not origin-checked
// unless `sameOrigin` is set: these callers are IdPs, API clients and payment providers.
// `fail` maps errors to the protocol's own format (default: problem+json).

type Host = 'root' | 'tenant' | 'any';
type HostContext<H extends Host> = H extends 'tenant' ? { tenant: TenantContext } : H extends 'any' ? { tenant: TenantContext | null } : object;

interface PlatformOptions<H extends Host> {
  host: H;
  /** What authenticates the caller, for the route table (e.g. 'client', 'bearer', 'signature', 'none'). */
  auth?: string;
  fail?: (error: unknown, call: Call) => Response;
}

function platformDoor<H extends Host>(): Door<PlatformOptions<H>, HostContext<H>> {
  return {
    name: 'platform',
    speaksPageLanguage: true,
    sameOrigin: false,
    meta: (options) => ({ host: options.host, auth: options.auth ?? 'none' }),
    async enter(call, { host }) {
      if (host === 'root') {
        assertRootDomain(call);
        return {} as HostContext<H>;
      }
      if (host === 'tenant') return { tenant: await tenantOf(call) } as HostContext<H>;
      return { tenant: call.facts.tenantId ? await getTenantById(call.facts.tenantId) : null } as HostContext<H>;
    },
    fail: (error, call, options) => options.fail?.(error, call),
  };
}

export function platformRoute<H extends Host, P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: PlatformOptions<H> & RouteSpec<P, B, Q>,
  handler: (ctx: RequestContext<P, B, Q> & HostContext<H>) => Promise<Response>,
): RouteHandler {
  return defineRoute(platformDoor<H>(), spec, spec, handler);
}
