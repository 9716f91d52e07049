import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { SCOPES } from '../../lib/api-keys/scopes.ts';
import { PLAN_CATALOG } from '../../lib/billing/plan-catalog.ts';
import { db } from '../../lib/db/client.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { createHabitSchema } from '../../lib/habits/habit-schema.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import type { RouteMeta } from '../../lib/http/route/define-route.ts';
import { startJobs, stopJobs } from '../../lib/jobs/queue.ts';
import { createInvitation } from '../../lib/members/invitations.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';
import { DEMO_PARTNER } from '../../lib/seed/seed-partners.ts';
import { DEMO_RESELLER } from '../../lib/seed/seed-resellers.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { createDirectory } from '../../lib/scim/directories.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints.ts';
import { callRoute } from '../support/app-client.ts';
import { startDnsStub, type DnsStub } from '../support/dns-stub-server.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';
import { seedPrices, startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { createApp, createPartner, install } from '../support/marketplace-fixtures.ts';
import { pathOf, routeModules, type RouteEntry } from '../support/route-modules.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { createApp as createPartnerApp } from '../../lib/marketplace/apps.ts';
import { partnerActorFor } from '../../lib/partners/partner-actor.ts';

// The no-5xx property of issue 13: every route, called by someone it admits, with arbitrary
// path ids (existing ones of the caller's workspace, other workspaces', junk, NUL bytes, very
// long), arbitrary bodies and media types, query strings and a few headers, answers below 500.
// Stripe is a local fake and DNS a local stub, so nothing here depends on the outside world;
// this process runs no job workers, so readiness does not wait for them.

const RUNS = Number(process.env.ROUTE_FUZZ_RUNS ?? 20);
// next-auth reads the request through next/headers, which only exists inside Next's server:
// its malformed bodies are checked over HTTP in tests/e2e/trust.spec.ts.
// (The live stream is not a Next route: its answers to junk are in tests/integration/live.test.ts.)
const OVER_HTTP_ONLY = new Set(['/api/auth/[...nextauth]']);

type Target = RouteEntry & { meta: RouteMeta };

async function targets(): Promise<Target[]> {
  const all = await routeModules();
  return all.filter((entry): entry is Target => entry.meta !== undefined && !OVER_HTTP_ONLY.has(entry.pattern)).sort((a, b) => `${a.pattern} ${a.method}`.localeCompare(`${b.pattern} ${b.method}`));
}

const JUNK_IDS = ['a\u0000b', '\u0000', '..', '../etc', '%2F', '%00', ' ', '', 'x'.repeat(300), 'ü', '🙂', "'; DROP TABLE x;--", '{id}', 'null', '-1', '0'];

describe('no route answers 5xx to what a client can send', async () => {
  const list = await targets();
  let stripe: FakeStripe;
  let dns: DnsStub;
  const ids: string[] = [];
  const callers: Record<string, { tenantId: string | null; host: string; cookie?: string; authorization?: string }> = {};
  const saved = { ...process.env };
  let scimToken = '';

  beforeAll(async () => {
    stripe = await startFakeStripe();
    seedPrices(stripe, PLAN_CATALOG);
    dns = await startDnsStub(0);
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_fuzz', STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRET: 'whsec_fuzz', DNS_SERVERS: `127.0.0.1:${dns.port}`, SMTP_URL: '', WEBHOOKS_ALLOW_LOCALHOST: 'true', JOBS_IN_SERVER: 'false' });

    // Jobs the routes enqueue (test events, replays) go to a queue of this file's own.
    await startJobs({ schema: 'pgboss_route_fuzz' });
    const row = await createTenant({ plan: 'enterprise' });
    const tenant = await contextOf(row.id);
    const owner = await memberOf(row.id, (await createMember(row.id, 'owner')).id);
    const other = await createTenant({ plan: 'enterprise' });
    const stranger = await memberOf(other.id, (await createMember(other.id, 'owner')).id);
    const host = `${tenant.slug}.localhost:3100`;
    // Real ids for the fuzzer to mix in: the caller's own rows, and another workspace's.
    ids.push((await createGoal(tenant, owner, { title: 'Fuzzed goal' })).id);
    ids.push((await createHabit(tenant, owner, createHabitSchema.parse({ name: 'Fuzzed habit' }))).id);
    ids.push((await createTeam(tenant, owner, { name: 'Fuzzed team' })).id);
    ids.push(owner.membershipId, owner.userId, stranger.userId, stranger.membershipId);
    ids.push((await createInvitation(tenant, owner, { email: 'fuzz-invitee@example.test', role: 'member' })).invitation.id);
    ids.push((await createGoal(await contextOf(other.id), stranger, { title: 'Not yours' })).id);
    const { endpoint } = await createEndpoint(tenant, owner, { url: 'http://127.0.0.1:9/in', eventTypes: [] });
    ids.push(endpoint.id);
    // SCIM is fuzzed with the directory's own token, so requests get past authentication.
    const directory = await createDirectory(tenant, owner, { name: 'Fuzzed directory', provider: 'generic' });
    ids.push(directory.directory.id, directory.directory.id);
    scimToken = directory.token;
    const { secret } = await createApiKey(tenant, owner, { name: 'fuzz', scopes: SCOPES.filter((scope) => scope !== 'admin:all' && scope !== 'write:users'), tier: 'enterprise' });

    const operator = await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } });
    const reseller = await db.user.findUniqueOrThrow({ where: { email: DEMO_RESELLER.email } });
    callers.workspace = { tenantId: tenant.id, host, cookie: await sessionCookie(owner.userId, tenant.id) };
    callers.api = { tenantId: tenant.id, host, authorization: `Bearer ${secret}` };
    callers.operator = { tenantId: null, host: 'localhost:3100', cookie: await sessionCookie(operator.id, null) };
    callers.reseller = { tenantId: null, host: 'localhost:3100', cookie: await sessionCookie(reseller.id, null) };
    // The demo partner's owner (the partner door: routes of the partner portal).
    const partner = await db.user.findUniqueOrThrow({ where: { email: DEMO_PARTNER.email } });
    callers.partner = { tenantId: null, host: 'localhost:3100', cookie: await sessionCookie(partner.id, null) };
    // Another partner's app, installed in the workspace, and the workspace's review of it among the ids.
    const otherPartner = await createPartner();
    const app = await createApp(otherPartner);
    await install(app, tenant.id, owner.userId);
    ids.push(app.id, (await db.appRating.create({ data: { appId: app.id, tenantId: tenant.id, stars: 4, body: 'Fuzzed review' } })).id);
    // And an app of the demo partner's own, with its open version.
    const ownApp = (await createPartnerApp((await partnerActorFor(partner.id))!, { name: 'Fuzzed app', category: 'custom' })).app;
    ids.push(ownApp.id, ownApp.openVersion!.id);
    callers.platformRoot = { tenantId: null, host: 'localhost:3100' };
    callers.platformTenant = { tenantId: tenant.id, host };
  });

  afterAll(async () => {
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'STRIPE_WEBHOOK_SECRET', 'DNS_SERVERS', 'SMTP_URL', 'WEBHOOKS_ALLOW_LOCALHOST', 'JOBS_IN_SERVER']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await stopJobs();
    await stripe?.close();
    await dns?.close();
  });

  // Built per test, once the workspace's real ids exist.
  const idArbitrary = () => fc.oneof(fc.constantFrom(...JUNK_IDS), fc.string({ maxLength: 40 }), fc.stringMatching(/^[a-z0-9]{20,30}$/), fc.constantFrom(...ids));
  const bodyArbitrary = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((value) => ({ body: JSON.stringify(value), type: 'application/json' })),
    fc.record({ body: fc.string({ maxLength: 200 }), type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/scim+json', 'image/png', 'application/octet-stream') }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ body: Buffer.from(bytes).toString('latin1'), type: 'image/png' })),
    fc.constant({ body: '', type: '' }),
  );
  const queryArbitrary = fc.dictionary(fc.oneof(fc.constantFrom('status', 'limit', 'cursor', 'from', 'to', 'teamId', 'scope', 'filter', 'startIndex', 'count', 'since', 'q'), fc.string({ maxLength: 10 })), fc.string({ maxLength: 30 }), { maxKeys: 3 });

  it('finds every route', () => {
    expect(list.length).toBeGreaterThan(100);
  });

  for (const target of list) {
    it(`${target.method} ${target.pattern}`, async () => {
      const { meta } = target;
      const caller =
        meta.door === 'platform' ? (meta.host === 'root' ? callers.platformRoot : callers.platformTenant) : callers[meta.door === 'api' ? 'api' : meta.door];
      const params = fc.record(Object.fromEntries(meta.params.map((name) => [name, meta.paramShape[name]?.def?.type === 'array' ? fc.array(idArbitrary(), { minLength: 1, maxLength: 3 }) : idArbitrary()])));
      await fc.assert(
        fc.asyncProperty(params, bodyArbitrary, queryArbitrary, fc.option(fc.string({ maxLength: 60 })), async (raw, body, query, idempotencyKey) => {
          const values = raw as Record<string, string | string[]>;
          const pathname = pathOf(target.pattern, values);
          const search = new URLSearchParams(query).toString();
          const headers: Record<string, string> = {};
          if (caller.authorization) headers.authorization = caller.authorization;
          if (target.pattern.startsWith('/api/scim/')) headers.authorization = `Bearer ${scimToken}`;
          if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
          const send = target.method !== 'GET';
          const answer = await callRoute(target.handler, {
            method: target.method,
            path: `${pathname}${search ? `?${search}` : ''}`,
            params: values,
            tenantId: caller.tenantId,
            host: caller.host,
            cookie: caller.cookie,
            headers,
            ...(send && body.body ? { body: body.body, contentType: body.type || undefined } : {}),
          });
          expect(answer.status, `${target.method} ${pathname}?${search} ${JSON.stringify(body).slice(0, 200)} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});
