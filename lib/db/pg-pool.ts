import pg from 'pg';
import { env } from '../config/env.ts';

// A plain pg pool for the few hot read paths where Prisma's per-query overhead shows in
// benchmarks (the public API's list routes). Writes and everything else go through Prisma.
// Its clients pipeline, so queryAsTenant() (lib/db/tenant-session.ts) sends a statement and
// the row-level security settings around it in one round trip.
const holder = globalThis as unknown as { __waypointPgPool?: pg.Pool };

const DATE_OID = 1082;

export function pgPool(): pg.Pool {
  holder.__waypointPgPool ??= new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: env().DATABASE_POOL_SIZE,
    pipeline: true,
    // Calendar dates stay "YYYY-MM-DD" strings: pg would make them local-midnight Dates, a
    // day off on servers west of UTC. Per pool, so Prisma's own pg use is untouched.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  return holder.__waypointPgPool;
}

/** Ends the pool (shutdown). */
export async function closePgPool(): Promise<void> {
  const pool = holder.__waypointPgPool;
  holder.__waypointPgPool = undefined;
  await pool?.end();
}
