import { PrismaPg } from '@prisma/adapter-pg';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsForExport, queryAudit } from '../../lib/audit/audit-query.ts';
import { BUCKETS, bucketOf } from '../../lib/api/usage-rollup.ts';
import { usageStats } from '../../lib/api/usage-stats.ts';
import { db } from '../../lib/db/client.ts';
import { PrismaClient } from '../../lib/db/generated/client.ts';
import { rangeOf } from '../../lib/platform/analytics/range.ts';
import { signupsPerDay } from '../../lib/platform/analytics/signups.ts';
import { parsePlatformAuditQuery, platformAuditForExport } from '../../lib/platform/platform-audit-query.ts';
import { buildWorkspaceArchive } from '../../lib/privacy/export.ts';
import { createTenant } from '../support/factories.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// DATABASE_READ_URL: the heavy reads (exports, platform analytics, API usage charts) come from
// it when it is set. Here it is a second database holding different rows than the primary, so
// each read shows where it came from.
let replica: TestDatabase;
let replicaDb: PrismaClient;
let tenant: Awaited<ReturnType<typeof createTenant>>;
const marker = `replica-${Date.now()}`;
const OLD_DAY = '2001-02-03';

async function collect<T>(rows: AsyncGenerator<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

beforeAll(async () => {
  replica = await createTestDatabase();
  replicaDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: replica.url, max: 2 }) });
  tenant = await createTenant();
  await db.auditLog.create({ data: { tenantId: tenant.id, action: 'primary.only' } });
  // The same workspace on the "replica", with rows the primary does not have.
  await replicaDb.tenant.create({ data: { id: tenant.id, slug: tenant.slug, name: tenant.name, plan: tenant.plan, status: 'active', createdAt: new Date(`${OLD_DAY}T12:00:00Z`) } });
  const owner = await replicaDb.user.create({ data: { email: `${marker}@example.test`, name: 'Replica owner' } });
  await replicaDb.auditLog.create({ data: { tenantId: tenant.id, action: `${marker}.audit` } });
  await replicaDb.goal.create({ data: { tenantId: tenant.id, ownerId: owner.id, title: `${marker} goal` } });
  await replicaDb.apiRequestLog.createMany({ data: Array.from({ length: 3 }, () => ({ tenantId: tenant.id, method: 'GET', route: '/api/v1/goals', status: 200, durationMs: 5, bytes: 10 })) });
  // The developers page reads the log's daily rollup, which the log's writer keeps with it.
  const latencyBuckets = Array.from({ length: BUCKETS }, (_, i) => (i === bucketOf(5) ? 3 : 0));
  await replicaDb.apiUsageDaily.create({ data: { tenantId: tenant.id, day: new Date(new Date().toISOString().slice(0, 10)), apiKeyId: '', method: 'GET', route: '/api/v1/goals', statusClass: 2, requests: 3, durationMs: 15, maxDurationMs: 5, latencyBuckets } });
  await replicaDb.platformAuditLog.create({ data: { action: `${marker}.platform`, targetType: 'tenant', targetId: tenant.id } });
});

afterEach(() => {
  delete process.env.DATABASE_READ_URL;
});

afterAll(async () => {
  await replicaDb.$disconnect();
  await replica.cleanup();
});

describe('with DATABASE_READ_URL set', () => {
  it('exports the audit log from the replica, while the page reads the primary', async () => {
    process.env.DATABASE_READ_URL = replica.url;
    expect((await collect(auditRowsForExport(tenant.id, { limit: 50 }))).map((row) => row.action)).toEqual([`${marker}.audit`]);
    expect((await queryAudit(tenant.id, { limit: 50 })).rows.map((row) => row.action)).toEqual(['primary.only']);
  });

  it('builds the workspace export from the replica', async () => {
    process.env.DATABASE_READ_URL = replica.url;
    const files = unzipSync(await buildWorkspaceArchive(tenant.id));
    expect(JSON.parse(strFromU8(files['goals.json'])).map((goal: { title: string }) => goal.title)).toEqual([`${marker} goal`]);
    expect(strFromU8(files['audit_log.csv'])).toContain(`${marker}.audit`);
  });

  it('charts API usage and platform analytics, and exports the platform audit log, from the replica', async () => {
    process.env.DATABASE_READ_URL = replica.url;
    expect((await usageStats(tenant)).totals.requests).toBe(3);
    const [day] = await signupsPerDay(rangeOf(OLD_DAY, OLD_DAY));
    expect(day).toEqual({ day: OLD_DAY, workspaces: 1, users: 0 });
    const platformRows = await collect(platformAuditForExport(parsePlatformAuditQuery({ targetId: tenant.id })));
    expect(platformRows.map((row) => row.action)).toEqual([`${marker}.platform`]);
  });
});

describe('without DATABASE_READ_URL', () => {
  it('reads the same paths from the primary', async () => {
    expect((await collect(auditRowsForExport(tenant.id, { limit: 50 }))).map((row) => row.action)).toEqual(['primary.only']);
    expect((await usageStats(tenant)).totals.requests).toBe(0);
    expect((await signupsPerDay(rangeOf(OLD_DAY, OLD_DAY)))[0].workspaces).toBe(0);
    expect(await collect(platformAuditForExport(parsePlatformAuditQuery({ targetId: tenant.id })))).toEqual([]);
    const files = unzipSync(await buildWorkspaceArchive(tenant.id));
    expect(JSON.parse(strFromU8(files['goals.json']))).toEqual([]);
  });
});
