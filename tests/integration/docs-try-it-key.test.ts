import { describe, expect, it } from 'vitest';
import { POST as mintRoute } from '../../app/api/app/api-keys/docs-session/route.ts';
import { GET as goalsRoute, POST as createGoalRoute } from '../../app/api/v1/goals/route.ts';
import { listApiKeys } from '../../lib/api-keys/api-keys.ts';
import { DOCS_KEY_LIFETIME_MS, DOCS_KEY_NAME, DOCS_KEYS_PER_HOUR, mintDocsTryItKey } from '../../lib/api-keys/docs-try-it-key.ts';
import { hashApiKey } from '../../lib/api-keys/generate-api-key.ts';
import { verifyApiKey } from '../../lib/api-keys/verify-api-key.ts';
import { db } from '../../lib/db/client.ts';
import { callV1, expectProblem } from '../support/api-v1-client.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// The API docs' "Try it" key: minted for the signed-in member, read-only within their role,
// an hour long (and refused by /api/v1 after), audit-logged, per workspace, rate-limited.

const mint = mintRoute as unknown as RouteHandlerFn;

async function setup(plan = 'pro') {
  const tenant = await workspace({ plan });
  return { tenant, admin: await memberIn(tenant, 'admin'), member: await memberIn(tenant, 'member'), viewer: await memberIn(tenant, 'viewer') };
}

describe('the API docs Try-it key', () => {
  it('is minted over the workspace route for a signed-in member, and works on /api/v1 for that workspace only', async () => {
    const w = await setup();
    const other = await setup();
    const cookie = await sessionCookie(w.member.userId, w.tenant.id);
    const answer = await callRoute(mint, { method: 'POST', path: '/api/app/api-keys/docs-session', tenantId: w.tenant.id, cookie });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { secret, expiresAt, scopes, id } = answer.body as { secret: string; expiresAt: string; scopes: string[]; id: string };
    expect(secret).toMatch(/^wp_live_[0-9A-Za-z]{43}$/);
    expect(scopes).toEqual(['read:users', 'read:goals', 'read:habits', 'read:analytics']);
    expect(Math.abs(new Date(expiresAt).getTime() - Date.now() - DOCS_KEY_LIFETIME_MS)).toBeLessThan(60_000);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ tenantId: w.tenant.id, createdById: w.member.userId, name: DOCS_KEY_NAME, temporary: true, tier: 'free', hash: hashApiKey(secret) });
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'api_key.created', targetId: id, actorId: w.member.userId } })).toBe(1);

    const list = await callV1(goalsRoute, '/api/v1/goals', {}, { secret, hostTenantId: w.tenant.id });
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.data)).toBe(true);
    // Read-only: writing is refused even though the member's role could write.
    expectProblem(await callV1(createGoalRoute, '/api/v1/goals', {}, { method: 'POST', secret, hostTenantId: w.tenant.id, body: { title: 'nope' } }), 403, 'insufficient_scope');
    // Another workspace's address refuses it.
    expectProblem(await callV1(goalsRoute, '/api/v1/goals', {}, { secret, hostTenantId: other.tenant.id }), 401, 'wrong_workspace');
  });

  it('needs a signed-in member of the workspace, and a same-origin request', async () => {
    const w = await setup();
    const other = await setup();
    expect((await callRoute(mint, { method: 'POST', path: '/api/app/api-keys/docs-session', tenantId: w.tenant.id })).status).toBe(401);
    const outsider = await sessionCookie(other.member.userId, other.tenant.id);
    expect((await callRoute(mint, { method: 'POST', path: '/api/app/api-keys/docs-session', tenantId: w.tenant.id, cookie: outsider })).status).toBe(401);
    const cookie = await sessionCookie(w.member.userId, w.tenant.id);
    const crossSite = await callRoute(mint, { method: 'POST', path: '/api/app/api-keys/docs-session', tenantId: w.tenant.id, cookie, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await db.apiKey.count({ where: { tenantId: w.tenant.id } })).toBe(0);
  });

  it("grants only read scopes, within the member's role (never webhooks or admin)", async () => {
    const w = await setup();
    const viewerKey = await mintDocsTryItKey(w.tenant, w.viewer);
    expect([...(await verifyApiKey(viewerKey.secret)).scopes].sort()).toEqual(['read:analytics', 'read:goals', 'read:habits', 'read:users']);
    const adminKey = await mintDocsTryItKey(w.tenant, w.admin);
    expect(adminKey.scopes).not.toContain('webhooks:manage');
    expect(adminKey.scopes).not.toContain('admin:all');
  });

  it('expires after an hour: /api/v1 refuses it, and it leaves the key list', async () => {
    const w = await setup();
    const created = new Date(Date.now() - DOCS_KEY_LIFETIME_MS - 1000);
    const old = await mintDocsTryItKey(w.tenant, w.member, null, created);
    expectProblem(await callV1(goalsRoute, '/api/v1/goals', {}, { secret: old.secret, hostTenantId: w.tenant.id }), 401, 'api_key_expired');
    const fresh = await mintDocsTryItKey(w.tenant, w.member);
    const listed = (await listApiKeys(w.tenant, w.member)).map((k) => k.id);
    expect(listed).toContain(fresh.id);
    expect(listed).not.toContain(old.id);
  });

  it('is limited per member per hour, with Retry-After', async () => {
    const w = await setup();
    const start = Date.now();
    for (let i = 0; i < DOCS_KEYS_PER_HOUR; i++) await mintDocsTryItKey(w.tenant, w.member, null, new Date(start + i * 1000));
    const refused = await failure(mintDocsTryItKey(w.tenant, w.member, null, new Date(start + DOCS_KEYS_PER_HOUR * 1000)));
    expect(refused.status).toBe(429);
    expect((refused as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3000);
    // Another member is not held back, and an hour later the first one may mint again.
    await mintDocsTryItKey(w.tenant, w.admin);
    await mintDocsTryItKey(w.tenant, w.member, null, new Date(start + DOCS_KEY_LIFETIME_MS + 1000));

    const cookie = await sessionCookie(w.admin.userId, w.tenant.id);
    for (let i = 1; i < DOCS_KEYS_PER_HOUR; i++) await mintDocsTryItKey(w.tenant, w.admin);
    const answer = await callRoute(mint, { method: 'POST', path: '/api/app/api-keys/docs-session', tenantId: w.tenant.id, cookie });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('is not made on a plan without API keys', async () => {
    const w = await setup('free');
    expect((await failure(mintDocsTryItKey(w.tenant, w.member))).code).toBe('plan_upgrade_required');
  });
});
