import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { tenantDb } from '../../lib/db/tenant-db.ts';
import { queryAsTenant, TENANT_ROLE } from '../../lib/db/tenant-session.ts';
import { createMember, createTenant } from '../support/factories.ts';

// Row-level security, the backstop under tenantDb(): queries that forget the tenant (raw SQL,
// nested writes) still reach one tenant's rows only. Each tenant has one goal.
let a: { id: string };
let b: { id: string };
let userA: { id: string };
let goalA: { id: string };
let goalB: { id: string };
let pool: pg.Pool;

beforeAll(async () => {
  a = await createTenant();
  b = await createTenant();
  userA = await createMember(a.id, 'owner');
  const userB = await createMember(b.id, 'owner');
  goalA = await db.goal.create({ data: { tenantId: a.id, ownerId: userA.id, title: 'A goal' } });
  goalB = await db.goal.create({ data: { tenantId: b.id, ownerId: userB.id, title: 'B goal' } });
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, pipeline: true });
});

afterAll(async () => {
  await pool.end();
});

/** Runs statements in one transaction under the tenant role, app.tenant_id as given, then rolls back. */
async function asTenantRole<T>(tenantId: string | null, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL ROLE ${TENANT_ROLE}`);
    if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

const goalIds = (rows: { id: string; tenantId: string }[]) => rows.filter((row) => row.tenantId === a.id || row.tenantId === b.id).map((row) => row.id);

describe('row-level security under the tenant role', () => {
  it('gives an unscoped query the tenant’s rows only', async () => {
    const rows = await asTenantRole(a.id, async (client) => (await client.query('SELECT * FROM "Goal"')).rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.tenantId === a.id)).toBe(true);
    expect(goalIds(rows)).toEqual([goalA.id]);
  });

  it('refuses to insert, or move a row into, another tenant', async () => {
    await expect(
      asTenantRole(a.id, (client) => client.query(`INSERT INTO "Goal" (id, "tenantId", "ownerId", title, "updatedAt") VALUES ('rls-probe', $1, $2, 'x', now())`, [b.id, userA.id])),
    ).rejects.toThrow(/row-level security/);
    await expect(asTenantRole(a.id, (client) => client.query(`UPDATE "Goal" SET "tenantId" = $1 WHERE id = $2`, [b.id, goalA.id]))).rejects.toThrow(/row-level security/);
    // Another tenant's row is not there to update or delete.
    expect((await asTenantRole(a.id, (client) => client.query(`UPDATE "Goal" SET title = 'x' WHERE id = $1`, [goalB.id]))).rowCount).toBe(0);
    expect((await asTenantRole(a.id, (client) => client.query(`DELETE FROM "Goal" WHERE id = $1`, [goalB.id]))).rowCount).toBe(0);
  });

  it('shows nothing when no tenant is set', async () => {
    expect(await asTenantRole(null, async (client) => (await client.query('SELECT count(*)::int AS n FROM "Goal"')).rows[0].n)).toBe(0);
    expect(await asTenantRole(null, async (client) => (await client.query('SELECT count(*)::int AS n FROM "Tenant"')).rows[0].n)).toBe(0);
  });

  it('lets the platform role (the connecting role, owner of the tables) see every tenant', async () => {
    const rows = (await pool.query('SELECT id, "tenantId" FROM "Goal"')).rows;
    expect(goalIds(rows).sort()).toEqual([goalA.id, goalB.id].sort());
    expect(await db.goal.count({ where: { tenantId: { in: [a.id, b.id] } } })).toBe(2);
  });
});

describe('tenantDb() runs as the tenant', () => {
  it('runs raw SQL through it as the tenant, alone and in both kinds of transaction', async () => {
    const scoped = tenantDb(a.id);
    const unscoped = () => scoped.$queryRaw<{ id: string; tenantId: string }[]>`SELECT id, "tenantId" FROM "Goal"`;
    expect(goalIds(await unscoped())).toEqual([goalA.id]);
    expect(goalIds(await scoped.$transaction(async (tx) => tx.$queryRaw<{ id: string; tenantId: string }[]>`SELECT id, "tenantId" FROM "Goal"`))).toEqual([goalA.id]);
    const [rows, count] = await scoped.$transaction([unscoped(), scoped.goal.count()]);
    expect(goalIds(rows)).toEqual([goalA.id]);
    expect(count).toBe(1);
    const [{ role }] = await scoped.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
    expect(role).toBe(TENANT_ROLE);
    const [{ role: platformRole }] = await db.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
    expect(platformRole).not.toBe(TENANT_ROLE);
  });

  it('refuses a nested write that names another tenant, which the scoping does not check', async () => {
    const userB = await createMember(b.id);
    await expect(
      tenantDb(a.id).goal.create({ data: { tenantId: a.id, ownerId: userA.id, title: 'nested', assignees: { create: { tenantId: b.id, userId: userB.id } } } }),
    ).rejects.toThrow(/row-level security/);
    expect(await db.goal.count({ where: { title: 'nested' } })).toBe(0);
  });

  it('leaves nothing behind on a pooled connection', async () => {
    await tenantDb(a.id).goal.count();
    const settings = await Promise.all(
      Array.from({ length: 4 }, () => db.$queryRaw<{ role: string; tenant: string | null }[]>`SELECT current_user AS role, current_setting('app.tenant_id', true) AS tenant`),
    );
    for (const [row] of settings) {
      expect(row.role).not.toBe(TENANT_ROLE);
      expect(row.tenant || null).toBeNull();
    }
  });
});

describe('queryAsTenant (the plain pg pool)', () => {
  it('runs the statement as the tenant', async () => {
    const { rows } = await queryAsTenant<{ id: string; tenantId: string; role: string }>(pool, a.id, 'SELECT id, "tenantId", current_user AS role FROM "Goal"', []);
    expect(goalIds(rows)).toEqual([goalA.id]);
    expect(rows[0].role).toBe(TENANT_ROLE);
  });

  it('sends its four statements (begin, tenant, statement, commit) in one write', async () => {
    const client = await pool.connect();
    const socket = (client as unknown as { connection: { stream: import('node:net').Socket } }).connection.stream;
    client.release();
    let writes = 0;
    const original = { write: socket._write, writev: socket._writev };
    socket._write = function (...args: Parameters<typeof socket._write>) {
      writes++;
      return original.write.apply(this, args);
    };
    socket._writev = function (...args: Parameters<NonNullable<typeof socket._writev>>) {
      writes++;
      return original.writev!.apply(this, args);
    };
    try {
      // The pool hands out its idle client again (the most recently released).
      const { rows } = await queryAsTenant<{ n: number }>(pool, a.id, 'SELECT count(*)::int AS n FROM "Goal" WHERE id = $1', [goalA.id]);
      expect(rows[0].n).toBe(1);
    } finally {
      Object.assign(socket, { _write: original.write, _writev: original.writev });
    }
    expect(writes).toBe(1);
  });

  it('fails as a whole when the statement fails, and the pool goes on', async () => {
    await expect(queryAsTenant(pool, a.id, 'SELECT no_such_column FROM "Goal"', [])).rejects.toThrow(/no_such_column/);
    const { rows } = await queryAsTenant<{ tenant: string }>(pool, b.id, `SELECT current_setting('app.tenant_id', true) AS tenant`, []);
    expect(rows[0].tenant).toBe(b.id);
    const [{ tenant }] = (await pool.query(`SELECT current_setting('app.tenant_id', true) AS tenant`)).rows;
    expect(tenant || null).toBeNull();
  });
});

describe('every tenant-owned table', () => {
  it('has row-level security, not forced, with a policy for the tenant role on app.tenant_id', async () => {
    const { rows } = await pool.query<{ table: string; rls: boolean; forced: boolean; policies: string[] | null; readable: boolean }>(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             has_table_privilege('${TENANT_ROLE}', c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS readable,
             (SELECT array_agg(p.qual || ' / ' || coalesce(p.with_check, '')) FROM pg_policies p
               WHERE p.schemaname = current_schema() AND p.tablename = c.relname AND p.policyname = 'tenant_isolation' AND '${TENANT_ROLE}' = ANY (p.roles)) AS policies
      FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
        -- Tables the tests themselves make (tests/support/outbox-fault.ts) are not the product's.
        AND c.relname NOT LIKE '\\_test\\_%'
        AND (c.relname = 'Tenant' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped))`);
    expect(rows.length).toBeGreaterThan(50);
    const wrong = rows.filter((row) => !row.rls || row.forced || !row.readable || row.policies?.length !== 1 || (row.policies[0].match(/app\.tenant_id/g) ?? []).length !== 2);
    expect(wrong.map((row) => row.table)).toEqual([]);
  });
});
