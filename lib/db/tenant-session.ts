import type pg from 'pg';
import { Prisma } from './client.ts';

// Row-level security (prisma/migrations/20261206150000_row_level_security) under tenantDb():
// in a transaction that has switched to the role waypoint_tenant with app.tenant_id set, every
// tenant-owned table shows that tenant's rows only and refuses rows of another. Both settings
// are transaction-local (set_config's last argument), so they end with the transaction and a
// pooled connection, or PgBouncer's server connection in transaction mode, never keeps them.
// The connecting role owns the tables and bypasses RLS: that is the platform role.

export const TENANT_ROLE = 'waypoint_tenant';

const ENTER_SQL = `SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true)`;

/** The statement that enters a tenant, first in a Prisma transaction. */
export function enterTenant(tenantId: string): Prisma.Sql {
  return Prisma.sql`SELECT set_config('role', ${TENANT_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`;
}

/**
 * One statement as a tenant on a plain pg pool whose clients pipeline (`pipeline: true`):
 * BEGIN, entering the tenant, the statement and COMMIT go out together, in one write (pg
 * writes each query on its own otherwise: four system calls per request in the API bench's
 * profile), so RLS costs no extra round trip. (Unnamed, as everywhere: PgBouncer's transaction
 * mode, README "Scaling out".) A failure in any of them fails the whole and the connection is
 * dropped.
 */
export async function queryAsTenant<R extends pg.QueryResultRow>(pool: pg.Pool, tenantId: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  const client = await pool.connect();
  // pg's own connection stream (pg.Client does not declare it): corked, the four queries
  // below are one write when it is uncorked.
  const stream = (client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
  stream?.cork?.();
  let pending: Promise<unknown>[];
  try {
    pending = [
      client.query('BEGIN'),
      client.query(ENTER_SQL, [TENANT_ROLE, tenantId]),
      client.query<R>(text, values),
      client.query('COMMIT'),
    ];
  } finally {
    stream?.uncork?.();
  }
  const settled = await Promise.allSettled(pending);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  client.release(failed?.reason as Error | undefined);
  if (failed) throw failed.reason;
  return (settled[2] as PromiseFulfilledResult<pg.QueryResult<R>>).value;
}
