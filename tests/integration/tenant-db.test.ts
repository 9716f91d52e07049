import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { tenantDb } from '../../lib/db/tenant-db.ts';
import { createTenant } from '../support/factories.ts';

// Two tenants with one domain and one audit entry each; every query made through
// tenantDb(A) must act on A's rows only.
let a: { id: string };
let b: { id: string };
let domainA: { id: string };
let domainB: { id: string };

beforeAll(async () => {
  a = await createTenant();
  b = await createTenant();
  domainA = await db.domain.create({ data: { tenantId: a.id, hostname: `a-${a.id}.example.test`, verificationToken: 'x' } });
  domainB = await db.domain.create({ data: { tenantId: b.id, hostname: `b-${b.id}.example.test`, verificationToken: 'x' } });
});

describe('tenantDb isolation', () => {
  it('reads only its own rows', async () => {
    const scoped = tenantDb(a.id);
    expect((await scoped.domain.findMany()).map((d) => d.id)).toEqual([domainA.id]);
    expect(await scoped.domain.findUnique({ where: { id: domainB.id } })).toBeNull();
    expect(await scoped.domain.findFirst({ where: { hostname: `b-${b.id}.example.test` } })).toBeNull();
    expect(await scoped.domain.count()).toBe(1);
    // A caller that names the other tenant explicitly gets nothing.
    expect(await scoped.domain.findMany({ where: { tenantId: b.id } })).toEqual([]);
  });

  it("cannot update another tenant's row", async () => {
    const scoped = tenantDb(a.id);
    await expect(scoped.domain.update({ where: { id: domainB.id }, data: { verificationToken: 'hacked' } })).rejects.toThrow();
    expect((await scoped.domain.updateMany({ where: { id: domainB.id }, data: { verificationToken: 'hacked' } })).count).toBe(0);
    expect((await db.domain.findUniqueOrThrow({ where: { id: domainB.id } })).verificationToken).toBe('x');
  });

  it("cannot delete another tenant's row", async () => {
    const scoped = tenantDb(a.id);
    await expect(scoped.domain.delete({ where: { id: domainB.id } })).rejects.toThrow();
    expect((await scoped.domain.deleteMany({ where: { id: domainB.id } })).count).toBe(0);
    expect(await db.domain.findUnique({ where: { id: domainB.id } })).not.toBeNull();
  });

  it('cannot create rows for, or move rows to, another tenant', async () => {
    const scoped = tenantDb(a.id);
    await expect(scoped.auditLog.create({ data: { tenantId: b.id, action: 'test.cross' } })).rejects.toThrow(/another tenant/);
    await expect(scoped.domain.update({ where: { id: domainA.id }, data: { tenantId: b.id } })).rejects.toThrow(/another tenant/);
    expect(await db.auditLog.count({ where: { tenantId: b.id, action: 'test.cross' } })).toBe(0);
  });

  it('acts normally on its own rows, inside transactions too', async () => {
    const scoped = tenantDb(a.id);
    await scoped.$transaction(async (tx) => {
      await tx.auditLog.create({ data: { tenantId: a.id, action: 'test.own' } });
      await tx.domain.update({ where: { id: domainA.id }, data: { verificationToken: 'y' } });
    });
    expect(await db.auditLog.count({ where: { tenantId: a.id, action: 'test.own' } })).toBe(1);
    expect((await db.domain.findUniqueOrThrow({ where: { id: domainA.id } })).verificationToken).toBe('y');
    await expect(tenantDb(b.id).$transaction((tx) => tx.domain.findMany())).resolves.toHaveLength(1);
  });

  it('scopes the Tenant model to itself', async () => {
    expect(await tenantDb(a.id).tenant.findUnique({ where: { id: b.id } })).toBeNull();
    expect((await tenantDb(a.id).tenant.findMany()).map((t) => t.id)).toEqual([a.id]);
  });
});
