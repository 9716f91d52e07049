import { describe, expect, it } from 'vitest';
import { clearApiKeyCache } from '../../lib/api-keys/api-key-cache.ts';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../../lib/api-keys/api-keys.ts';
import { hashApiKey } from '../../lib/api-keys/generate-api-key.ts';
import { verifyApiKey } from '../../lib/api-keys/verify-api-key.ts';
import { db } from '../../lib/db/client.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

const HOUR = 3_600_000;

async function setup(plan = 'pro') {
  const tenant = await workspace();
  await db.tenant.update({ where: { id: tenant.id }, data: { plan } });
  const withPlan = { ...tenant, plan };
  return { tenant: withPlan, admin: await memberIn(withPlan, 'admin'), member: await memberIn(withPlan, 'member'), viewer: await memberIn(withPlan, 'viewer') };
}

describe('API keys', () => {
  it('are created with their secret shown once and stored only hashed, with an audit entry', async () => {
    const w = await setup();
    const { key, secret } = await createApiKey(w.tenant, w.admin, { name: 'CI', scopes: ['read:goals'], tier: 'developer' }, '192.0.2.5');
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(key).toMatchObject({ name: 'CI', prefix: secret.slice(0, 12), last4: secret.slice(-4), status: 'active', tier: 'developer' });
    expect((await listApiKeys(w.tenant, w.admin)).map((k) => k.id)).toContain(key.id);
    expect(JSON.stringify(await listApiKeys(w.tenant, w.admin))).not.toContain(secret);
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'api_key.created', targetId: key.id, ip: '192.0.2.5' } })).toBe(1);
  });

  it("never grant more than the creator's role, nor a tier above the plan", async () => {
    const w = await setup('basic');
    expect((await failure(createApiKey(w.tenant, w.viewer, { name: 'x', scopes: ['write:goals'] }))).fields?.scopes).toContain('cannot grant write:goals');
    expect((await failure(createApiKey(w.tenant, w.member, { name: 'x', scopes: ['webhooks:manage'] }))).status).toBe(422);
    expect((await failure(createApiKey(w.tenant, w.admin, { name: 'x', scopes: ['read:goals'], tier: 'business' }))).fields?.tier).toContain('Basic plan allows keys up to the developer tier');
    const bad = await failure(createApiKey(w.tenant, w.admin, { name: '', scopes: [], ipAllowlist: ['nope'], expiresAt: '2001-01-01T00:00:00Z', extra: 1 }));
    expect(bad.status).toBe(422);
  });

  it('verify by hash and carry the tenant, creator, tier and effective scopes', async () => {
    const w = await setup();
    const { key, secret } = await createApiKey(w.tenant, w.member, { name: 'm', scopes: ['read:goals', 'write:habits'], tier: 'developer', ipAllowlist: ['203.0.113.0/24'] });
    const principal = await verifyApiKey(secret);
    expect(principal).toMatchObject({ keyId: key.id, tenantId: w.tenant.id, tier: 'developer' });
    expect(principal.member.userId).toBe(w.member.userId);
    expect([...principal.scopes].sort()).toEqual(['read:goals', 'write:habits']);
    expect(principal.allowlist?.check('203.0.113.9', 'ipv4')).toBe(true);
    expect((await failure(verifyApiKey(`wp_live_${'x'.repeat(43)}`))).code).toBe('invalid_api_key');
    expect((await failure(verifyApiKey('garbage'))).status).toBe(401);
  });

  it('stop working after they expire', async () => {
    const w = await setup();
    const { key, secret } = await createApiKey(w.tenant, w.admin, { name: 'short', scopes: ['read:goals'], expiresAt: new Date(Date.now() + HOUR).toISOString() });
    await verifyApiKey(secret);
    expect((await failure(verifyApiKey(secret, Date.now() + 2 * HOUR))).code).toBe('api_key_expired');
    expect((await listApiKeys(w.tenant, w.admin)).find((k) => k.id === key.id)?.status).toBe('active');
  });

  it('rotate: the new secret works, the old one only during the grace period', async () => {
    const w = await setup();
    const { key, secret: old } = await createApiKey(w.tenant, w.admin, { name: 'rot', scopes: ['read:goals'] });
    await verifyApiKey(old);
    const { secret: fresh, key: rotated } = await rotateApiKey(w.tenant, w.admin, key.id, { graceHours: 2 });
    expect(fresh).not.toBe(old);
    expect(rotated.previousSecretValidUntil).not.toBeNull();
    expect((await verifyApiKey(fresh)).keyId).toBe(key.id);
    expect((await verifyApiKey(old)).keyId).toBe(key.id);
    expect((await failure(verifyApiKey(old, Date.now() + 3 * HOUR))).code).toBe('api_key_rotated');
    expect((await verifyApiKey(fresh, Date.now() + 3 * HOUR)).keyId).toBe(key.id);

    await rotateApiKey(w.tenant, w.admin, key.id, { graceHours: 0 });
    expect((await failure(verifyApiKey(fresh))).code).toBe('invalid_api_key');
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'api_key.rotated', targetId: key.id } })).toBe(2);
  });

  it('revoke takes effect at once, even for a secret verified a moment ago (cached)', async () => {
    const w = await setup();
    const { key, secret } = await createApiKey(w.tenant, w.admin, { name: 'rev', scopes: ['read:goals'] });
    await verifyApiKey(secret);
    await revokeApiKey(w.tenant, w.admin, key.id);
    expect((await failure(verifyApiKey(secret))).code).toBe('api_key_revoked');
    expect((await failure(rotateApiKey(w.tenant, w.admin, key.id, {}))).status).toBe(409);
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'api_key.revoked', targetId: key.id } })).toBe(1);
  });

  it("shrink with their creator's role and die when the creator leaves", async () => {
    const w = await setup();
    const { secret } = await createApiKey(w.tenant, w.member, { name: 'm', scopes: ['read:goals', 'write:goals'] });
    await db.membership.update({ where: { id: w.member.membershipId }, data: { role: 'viewer' } });
    clearApiKeyCache();
    expect([...(await verifyApiKey(secret)).scopes]).toEqual(['read:goals']);
    await db.membership.delete({ where: { id: w.member.membershipId } });
    clearApiKeyCache();
    expect((await failure(verifyApiKey(secret))).code).toBe('invalid_api_key');
  });

  it('are managed by admins for everyone and by members for their own only; other tenants get 404', async () => {
    const w = await setup();
    const other = await setup();
    const mine = await createApiKey(w.tenant, w.member, { name: 'mine', scopes: ['read:goals'] });
    const admins = await createApiKey(w.tenant, w.admin, { name: 'admins', scopes: ['read:goals'] });
    expect((await listApiKeys(w.tenant, w.member)).map((k) => k.name)).toEqual(['mine']);
    expect((await listApiKeys(w.tenant, w.admin)).map((k) => k.name).sort()).toEqual(['admins', 'mine']);
    expect((await failure(revokeApiKey(w.tenant, w.member, admins.key.id))).status).toBe(404);
    expect((await failure(revokeApiKey(other.tenant, other.admin, mine.key.id))).status).toBe(404);
    expect((await failure(rotateApiKey(other.tenant, other.admin, mine.key.id, {}))).status).toBe(404);
    expect((await revokeApiKey(w.tenant, w.admin, mine.key.id)).status).toBe('revoked');
  });

  it('verify a repeated key from memory: no database lookup until the cache is cleared', async () => {
    const w = await setup();
    const { key, secret } = await createApiKey(w.tenant, w.admin, { name: 'cached', scopes: ['read:goals'] });
    await verifyApiKey(secret);
    // Remove the row behind the cache's back (no NOTIFY): only a database lookup would notice.
    await db.$executeRaw`DELETE FROM "ApiKey" WHERE id = ${key.id}`;
    expect((await verifyApiKey(secret)).keyId).toBe(key.id);
    clearApiKeyCache();
    expect((await failure(verifyApiKey(secret))).code).toBe('invalid_api_key');
  });
});
