import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { addDomain, removeDomain, verificationRecord, verifyDomain } from '../../lib/tenancy/domains.ts';
import { INVALIDATION_CHANNEL, clearLocalTenantCache, getTenantById, resolveTenant } from '../../lib/tenancy/tenant-cache.ts';
import { createTenant, uniqueSlug } from '../support/factories.ts';

const actor = { id: 'test-actor', email: 'admin@example.test' };

describe('tenant resolution', () => {
  it('resolves a subdomain to its tenant with sanitized branding, and unknown slugs to null', async () => {
    const tenant = await createTenant();
    await db.branding.update({ where: { tenantId: tenant.id }, data: { primaryColor: 'red;}*{display:none', customCss: 'h1{color:red}</style><script>x</script>' } });
    clearLocalTenantCache();
    const resolved = await resolveTenant({ kind: 'subdomain', slug: tenant.slug });
    expect(resolved?.id).toBe(tenant.id);
    expect(resolved?.branding.primaryColor).toBe('#4f46e5');
    expect(resolved?.branding.customCss).not.toContain('<');
    expect(await resolveTenant({ kind: 'subdomain', slug: uniqueSlug('missing') })).toBeNull();
    expect((await getTenantById(tenant.id))?.slug).toBe(tenant.slug);
  });

  it('answers a lookup that was in flight when the cache was cleared (a tenant changed meanwhile)', async () => {
    const tenant = await createTenant();
    await db.branding.update({ where: { tenantId: tenant.id }, data: { primaryColor: '#111111' } });
    clearLocalTenantCache();
    const inFlight = resolveTenant({ kind: 'subdomain', slug: tenant.slug });
    // The change commits and its NOTIFY clears the cache before the first lookup returns.
    await db.branding.update({ where: { tenantId: tenant.id }, data: { primaryColor: '#222222' } });
    clearLocalTenantCache();
    const resolved = await inFlight;
    expect(resolved?.id).toBe(tenant.id);
    // What the cache keeps afterwards is the new state, not the answer from before the change.
    expect((await resolveTenant({ kind: 'subdomain', slug: tenant.slug }))?.branding.primaryColor).toBe('#222222');
  });

  it('serves a custom domain only once verified, through the DNS TXT record', async () => {
    const tenant = await createTenant();
    const hostname = `${uniqueSlug('coach')}.example.test`;
    const domain = await addDomain(tenant.id, hostname, actor);
    expect(await resolveTenant({ kind: 'custom', hostname })).toBeNull();

    const wrong = await verifyDomain(tenant.id, domain.id, actor, async () => [['waypoint-verify=wrong']]);
    expect(wrong.verified).toBe(false);
    expect(await resolveTenant({ kind: 'custom', hostname })).toBeNull();

    const record = verificationRecord(domain);
    const lookups: string[] = [];
    // TXT answers may arrive split in chunks; they are joined before comparing.
    const resolver = async (name: string) => {
      lookups.push(name);
      return [[record.value.slice(0, 10), record.value.slice(10)]];
    };
    const right = await verifyDomain(tenant.id, domain.id, actor, resolver);
    expect(right.verified).toBe(true);
    expect(lookups).toEqual([`_waypoint-verify.${hostname}`]);
    expect((await resolveTenant({ kind: 'custom', hostname }))?.id).toBe(tenant.id);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: { in: ['domain.added', 'domain.verified'] } } })).toBe(2);

    await removeDomain(tenant.id, domain.id, actor);
    expect(await resolveTenant({ kind: 'custom', hostname })).toBeNull();
  });

  it("will not verify or remove another tenant's domain", async () => {
    const owner = await createTenant();
    const intruder = await createTenant();
    const domain = await addDomain(owner.id, `${uniqueSlug('d')}.example.test`, actor);
    const resolver = async () => [[verificationRecord(domain).value]];
    await expect(verifyDomain(intruder.id, domain.id, actor, resolver)).rejects.toMatchObject({ status: 404 });
    await expect(removeDomain(intruder.id, domain.id, actor)).rejects.toMatchObject({ status: 404 });
    expect(await db.domain.findUnique({ where: { id: domain.id } })).not.toBeNull();
  });

  it('refuses malformed, platform and duplicate hostnames', async () => {
    const tenant = await createTenant();
    await expect(addDomain(tenant.id, 'not a host', actor)).rejects.toMatchObject({ status: 422 });
    await expect(addDomain(tenant.id, 'evil.localhost', actor)).rejects.toMatchObject({ status: 422 });
    const hostname = `${uniqueSlug('dup')}.example.test`;
    await addDomain(tenant.id, hostname, actor);
    await expect(addDomain((await createTenant()).id, hostname, actor)).rejects.toMatchObject({ status: 409 });
  });

  it('tells every app instance to drop its cache when a domain is verified (NOTIFY on commit)', async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    await listener.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    const heard = new Promise<string>((resolve) => listener.once('notification', (message) => resolve(message.channel)));
    try {
      const tenant = await createTenant();
      const domain = await addDomain(tenant.id, `${uniqueSlug('n')}.example.test`, actor);
      await verifyDomain(tenant.id, domain.id, actor, async () => [[verificationRecord(domain).value]]);
      await expect(heard).resolves.toBe(INVALIDATION_CHANNEL);
    } finally {
      await listener.end();
    }
  });
});
