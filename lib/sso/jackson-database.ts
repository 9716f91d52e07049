import pg from 'pg';
import { env } from '../config/env.ts';

// Jackson keeps its tables (jackson_store, jackson_index, jackson_ttl) in their own PostgreSQL
// schema, like pg-boss's "pgboss", so they never mix with Prisma's "public". Jackson's
// DatabaseOption has no schema setting, so the connection's search_path selects it.

export const JACKSON_SCHEMA = 'jackson';

/** A stable key for pg_advisory_lock: one Jackson initialisation at a time per database. */
const INIT_LOCK_KEY = 7_311_004_512;

/**
 * DATABASE_URL with `options=-c search_path=jackson` added (node-postgres sends it at connect),
 * and Jackson's own pool capped (JACKSON_POOL_SIZE, default 5) beside Prisma's.
 */
export function jacksonDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const existing = url.searchParams.get('options');
  const searchPath = `-c search_path=${JACKSON_SCHEMA}`;
  url.searchParams.set('options', existing ? `${existing} ${searchPath}` : searchPath);
  url.searchParams.set('max_conns', String(env().JACKSON_POOL_SIZE));
  // Prisma-only parameters mean nothing to node-postgres.
  url.searchParams.delete('schema');
  return url.toString();
}

/**
 * Creates Jackson's schema if needed and runs `init` (Jackson's own table sync) while holding
 * an advisory lock, so instances or test workers starting together do not race on CREATE TABLE.
 */
export async function withJacksonSchema<T>(databaseUrl: string, init: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [INIT_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${JACKSON_SCHEMA}`);
    return await init();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [INIT_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
