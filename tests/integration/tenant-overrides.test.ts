import { describe, expect, it } from 'vitest';
import * as keyRoute from '../../app/api/platform/tenants/[tenantId]/overrides/[key]/route.ts';
import * as overridesRoute from '../../app/api/platform/tenants/[tenantId]/overrides/route.ts';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { cappedTier } from '../../lib/api-keys/tiers.ts';
import { verifyApiKey } from '../../lib/api-keys/verify-api-key.ts';
import { can, featureLock, limit, planOf, requireFeature } from '../../lib/billing/entitlements.ts';
import { seatUsage } from '../../lib/billing/seats.ts';
import { listOverrides, removeOverride, setOverride } from '../../lib/billing/tenant-overrides.ts';
import { db } from '../../lib/db/client.ts';
import { resolveTenant } from '../../lib/tenancy/tenant-cache.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { contextOf, createMember, createStaff, createTenant, memberOf } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The operator's overrides of one workspace's plan, honoured by every gate: can(),
// requireFeature(), featureLock() and limit(), the custom domain a plan must include to be
// served, the seat limit, an API key's tier; with an end, validation, the platform audit log,
// and the operator-only routes.

const operator = { userId: 'operator', email: 'operator@waypoint.test', role: 'owner' as const };
const status = async (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );

describe('tenant overrides', () => {
  it('turn a feature on for a plan without it, and off for a plan with it, at every gate', async () => {
    const row = await createTenant({ plan: 'free' });
    expect(await can(await contextOf(row.id), 'sso')).toBe(false);
    expect(await status(requireFeature(await contextOf(row.id), 'sso'))).toBe(403);

    await setOverride(operator, row.id, { key: 'sso', value: true, note: 'Pilot with their IdP' });
    const on = await contextOf(row.id);
    expect(await can(on, 'sso')).toBe(true);
    expect(await status(requireFeature(on, 'sso'))).toBe(200);
    expect(await featureLock(on, 'sso')).toBeNull();

    const paid = await createTenant({ plan: 'enterprise' });
    await setOverride(operator, paid.id, { key: 'webhooks', value: false, note: 'Their endpoint floods; off until fixed' });
    const off = await contextOf(paid.id);
    expect(await can(off, 'webhooks')).toBe(false);
    expect((await featureLock(off, 'webhooks'))?.feature).toBe('webhooks');
    expect(await can(off, 'sso')).toBe(true);
  });

  it('serve a custom domain on a plan without custom domains', async () => {
    const row = await createTenant({ plan: 'free' });
    const hostname = `${row.slug}.overrides.example`;
    await db.domain.create({ data: { tenantId: row.id, hostname, verificationToken: `wp-verify-${row.slug}`, verifiedAt: new Date() } });
    expect(await resolveTenant({ kind: 'custom', hostname })).toBeNull();
    await setOverride(operator, row.id, { key: 'custom_domain', value: true, note: 'Agreed in the contract' });
    expect((await resolveTenant({ kind: 'custom', hostname }))?.id).toBe(row.id);
  });

  it('set limits: seats, the API quota and the highest key tier', async () => {
    const row = await createTenant({ plan: 'free' });
    const owner = await createMember(row.id, 'owner');
    const before = await contextOf(row.id);
    const seats = await limit(before, 'members');
    await setOverride(operator, row.id, { key: 'members', value: seats + 50, note: 'Nonprofit' });
    await setOverride(operator, row.id, { key: 'apiRequestsPerMonth', value: 123_456, note: 'Migration month' });
    await setOverride(operator, row.id, { key: 'maxKeyTier', value: 'enterprise', note: 'Load test' });
    const after = await contextOf(row.id);
    expect(await limit(after, 'members')).toBe(seats + 50);
    expect((await seatUsage(db, after)).limit).toBe(seats + 50);
    expect(await limit(after, 'apiRequestsPerMonth')).toBe(123_456);
    expect(await cappedTier('enterprise', after)).toBe('enterprise');
    // The API needs its feature too: on for this workspace as well.
    await setOverride(operator, row.id, { key: 'api', value: true, note: 'Load test' });
    const { secret } = await createApiKey(await contextOf(row.id), await memberOf(row.id, owner.id), { name: 'load', scopes: ['read:goals'], tier: 'enterprise' });
    expect((await verifyApiKey(secret)).tier).toBe('enterprise');
  });

  it('end at their expiry, and are refused with a reason when malformed', async () => {
    const row = await createTenant({ plan: 'free' });
    const expires = new Date(Date.now() + 60_000);
    await setOverride(operator, row.id, { key: 'scim', value: true, note: 'Trial of SCIM', expiresAt: expires.toISOString() });
    const context = await contextOf(row.id);
    expect((await planOf(context)).features).toContain('scim');
    expect((await planOf(context, new Date(expires.getTime() + 1))).features).not.toContain('scim');
    expect((await listOverrides(operator, row.id, new Date(expires.getTime() + 1)))[0]).toMatchObject({ key: 'scim', expired: true });

    const refused = async (input: unknown) => (await status(setOverride(operator, row.id, input))) as number;
    expect(await refused({ key: 'teleport', value: true, note: 'x' })).toBe(422);
    expect(await refused({ key: 'sso', value: 3, note: 'x' })).toBe(422);
    expect(await refused({ key: 'members', value: -1, note: 'x' })).toBe(422);
    expect(await refused({ key: 'maxKeyTier', value: 'platinum', note: 'x' })).toBe(422);
    expect(await refused({ key: 'sso', value: true, note: '  ' })).toBe(422);
    expect(await refused({ key: 'sso', value: true, note: 'x', expiresAt: '2001-01-01T00:00:00Z' })).toBe(422);
    expect(await refused({ key: 'sso', value: true, note: 'x', extra: 1 })).toBe(422);
    expect(await status(setOverride(operator, 'no-such-tenant', { key: 'sso', value: true, note: 'x' }))).toBe(404);
  });

  it('are recorded in the platform audit log, set and removed; removing gives the plan back', async () => {
    const row = await createTenant({ plan: 'free' });
    await setOverride(operator, row.id, { key: 'webhooks', value: true, note: 'Integration partner' }, '203.0.113.5');
    expect(await can(await contextOf(row.id), 'webhooks')).toBe(true);
    expect(await removeOverride(operator, row.id, 'webhooks')).toEqual([]);
    expect(await can(await contextOf(row.id), 'webhooks')).toBe(false);
    expect(await status(removeOverride(operator, row.id, 'webhooks'))).toBe(404);
    const audit = await db.platformAuditLog.findMany({ where: { targetType: 'tenant', targetId: row.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorEmail: true, reason: true, ip: true, metadata: true } });
    expect(audit).toEqual([
      { action: 'tenant.override_set', actorEmail: operator.email, reason: 'Integration partner', ip: '203.0.113.5', metadata: expect.objectContaining({ key: 'webhooks', value: true, expiresAt: null }) },
      { action: 'tenant.override_removed', actorEmail: operator.email, reason: null, ip: null, metadata: expect.objectContaining({ key: 'webhooks' }) },
    ]);
  });

  it('routes: only a platform operator, on the root domain', async () => {
    const row = await createTenant({ plan: 'free' });
    const admin = await createStaff('owner', `op-${row.slug}@waypoint.test`, { name: 'Op' });
    const member = await createMember(row.id, 'owner');
    const put = (cookie: string | null) =>
      callRoute(overridesRoute.PUT as RouteHandlerFn, { method: 'PUT', path: `/api/platform/tenants/${row.id}/overrides`, host: 'localhost:3100', params: { tenantId: row.id }, cookie, json: { key: 'sso', value: true, note: 'Pilot' } });
    expect((await put(null)).status).toBe(401);
    // A workspace owner's session (on their workspace) is no operator's.
    expect((await put(await sessionCookie(member.id, row.id))).status).toBe(401);
    const ok = await put(await sessionCookie(admin.id, null));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject([{ key: 'sso', value: true, note: 'Pilot', setBy: admin.email, expired: false }]);
    const cookie = await sessionCookie(admin.id, null);
    const list = await callRoute(overridesRoute.GET as RouteHandlerFn, { path: `/api/platform/tenants/${row.id}/overrides`, host: 'localhost:3100', params: { tenantId: row.id }, cookie });
    expect(list.body).toHaveLength(1);
    const removed = await callRoute(keyRoute.DELETE as RouteHandlerFn, { method: 'DELETE', path: `/api/platform/tenants/${row.id}/overrides/sso`, host: 'localhost:3100', params: { tenantId: row.id, key: 'sso' }, cookie });
    expect([removed.status, removed.body]).toEqual([200, []]);
  });
});
