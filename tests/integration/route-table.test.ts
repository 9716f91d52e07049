import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '../../lib/db/client.ts';
import type { Role } from '../../lib/db/generated/enums.ts';
import type { RouteMeta } from '../../lib/http/route/define-route.ts';
import { can, type Permission } from '../../lib/members/permissions.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';
import { DEMO_RESELLER } from '../../lib/seed/seed-resellers.ts';
import { callRoute, type AppCall } from '../support/app-client.ts';
import { createMember, createTenant } from '../support/factories.ts';
import { pathOf, routeModules } from '../support/route-modules.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// Every route module under app/api, walked: each HTTP method it exports must be made with a
// route builder (lib/http/route), and behaves as its door promises, checked without ever
// reaching the handler: the wrong host is 404, no session 401, a role without the permission
// 403, a write from another origin 403, an invalid id 404, a JSON route sent text/plain 415.

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ROLES: Role[] = ['viewer', 'member', 'admin', 'owner'];

/** A value each path parameter accepts (an id that exists nowhere, a fixed word, …). */
function validParams(meta: RouteMeta): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, schema] of Object.entries(meta.paramShape)) {
    const candidates: unknown[] = [...(schema instanceof z.ZodEnum ? [schema.options[0]] : []), 'nosuchthing0000', 'nosuchtoken0000000000000', ['Users']];
    const value = candidates.find((candidate) => schema.safeParse(candidate).success);
    if (value === undefined) throw new Error(`no sample value for ${name}`);
    params[name] = value as string | string[];
  }
  return params;
}

describe('the route table', async () => {
  const routes = await routeModules();
  let tenantId: string;
  let tenantHost: string;
  const cookies: Partial<Record<Role | 'operator' | 'reseller', string>> = {};

  beforeAll(async () => {
    const tenant = await createTenant({ plan: 'enterprise' });
    tenantId = tenant.id;
    tenantHost = `${tenant.slug}.localhost:3100`;
    for (const role of ROLES) cookies[role] = await sessionCookie((await createMember(tenantId, role)).id, tenantId);
    const operator = await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } });
    const reseller = await db.user.findUniqueOrThrow({ where: { email: DEMO_RESELLER.email } });
    cookies.operator = await sessionCookie(operator.id, null);
    cookies.reseller = await sessionCookie(reseller.id, null);
  });

  it('covers every route module', () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  for (const route of routes) {
    const name = `${route.method} ${route.pattern}`;
    describe(name, () => {
      it('is made with a route builder', () => {
        expect(route.meta, `${name} does not use lib/http/route`).toBeDefined();
      });
      const meta = route.meta;
      if (!meta) return;
      const write = WRITES.has(route.method);
      const params = validParams(meta);
      const onTenant = (call: Partial<AppCall> = {}): Promise<Awaited<ReturnType<typeof callRoute>>> =>
        callRoute(route.handler, { method: route.method, path: pathOf(route.pattern, params), params, tenantId, host: tenantHost, ...call });
      const onRoot = (call: Partial<AppCall> = {}) => callRoute(route.handler, { method: route.method, path: pathOf(route.pattern, params), params, tenantId: null, host: 'localhost:3100', ...call });

      if (meta.door === 'workspace') {
        it('is 404 on the root domain', async () => {
          const answer = await onRoot({ cookie: cookies.owner });
          expect(answer.status, answer.text).toBe(404);
          expect(answer.body.code).toBe('workspace_required');
        });
        // One-click unsubscribe (RFC 8058) is POSTed by mail providers; its signed URL is the credential.
        if (write && !meta.sameOrigin) {
          it('takes writes from other origins only where that is the point', () => {
            expect(['POST /api/notifications/unsubscribe']).toContain(name);
          });
        }
        if (write && meta.sameOrigin) {
          it('refuses a write from another origin (403), even with a session', async () => {
            const answer = await onTenant({ cookie: cookies.owner, origin: 'http://evil.test' });
            expect(answer.status, answer.text).toBe(403);
            expect(answer.body.code).toBe('cross_site_request');
          });
        }
        if (meta.auth === 'member') {
          it('is 401 without a session', async () => {
            const answer = await onTenant();
            expect(answer.status, answer.text).toBe(401);
          });
          const lacking = ROLES.filter((role) => !can(role, meta.permission as Permission)).at(-1);
          if (lacking) {
            it(`is 403 for a ${lacking} (${meta.permission})`, async () => {
              const answer = await onTenant({ cookie: cookies[lacking] });
              expect(answer.status, answer.text).toBe(403);
              expect(answer.body.code).toBe('forbidden');
            });
          }
          if (meta.params.length > 0) {
            it('is 404 for an invalid id, before anything else runs', async () => {
              const bad = Object.fromEntries(meta.params.map((param) => [param, Array.isArray(params[param]) ? ['a\u0000b'] : 'a\u0000b']));
              const answer = await callRoute(route.handler, { method: route.method, path: route.pattern, params: bad, tenantId, host: tenantHost, cookie: cookies.owner });
              expect(answer.status, answer.text).toBe(404);
            });
          }
          if (meta.body === 'json' || meta.body === 'schema') {
            it('is 415 for a body that is not JSON', async () => {
              const answer = await onTenant({ cookie: cookies.owner, body: 'title=x', contentType: 'text/plain' });
              expect(answer.status, answer.text).toBe(415);
            });
          }
        }
      }

      if (meta.door === 'api') {
        it('is 401 without credentials, with a Bearer challenge', async () => {
          const answer = await onTenant();
          expect(answer.status, answer.text).toBe(401);
          expect(answer.headers.get('www-authenticate')).toContain('Bearer');
        });
      }

      if (meta.door === 'reseller' || meta.door === 'partner' || meta.door === 'operator') {
        it("is 404 on a workspace's host", async () => {
          const answer = await onTenant({ cookie: cookies.owner });
          expect(answer.status, answer.text).toBe(404);
        });
        it('is 401 without a session', async () => {
          const answer = await onRoot();
          expect(answer.status, answer.text).toBe(401);
        });
        if (write) {
          it('refuses a write from another origin (403)', async () => {
            const answer = await onRoot({ cookie: cookies[meta.door === 'operator' ? 'operator' : 'reseller'], origin: 'http://evil.test' });
            expect(answer.status, answer.text).toBe(403);
            expect(answer.body.code).toBe('cross_site_request');
          });
        }
      }
      if (meta.door === 'operator') {
        it('is 403 for someone who is not an operator', async () => {
          const answer = await onRoot({ cookie: cookies.reseller });
          expect(answer.status, answer.text).toBe(403);
        });
      }
      if (meta.door === 'partner') {
        it('is 401 for a signed-in user who works for no partner', async () => {
          const answer = await onRoot({ cookie: cookies.reseller });
          expect(answer.status, answer.text).toBe(401);
        });
      }

      if (meta.door === 'platform') {
        if (meta.host === 'root') {
          it("is 404 on a workspace's host", async () => {
            expect((await onTenant()).status).toBe(404);
          });
        }
        if (meta.host === 'tenant') {
          it('is 404 on the root domain', async () => {
            expect((await onRoot()).status).toBe(404);
          });
        }
        if (write && meta.sameOrigin) {
          it('refuses a write from another origin (403)', async () => {
            const answer = await (meta.host === 'root' ? onRoot : onTenant)({ origin: 'http://evil.test' });
            expect(answer.status, answer.text).toBe(403);
          });
        }
      }
    });
  }
});
