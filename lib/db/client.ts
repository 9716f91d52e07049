import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { env } from '../config/env.ts';

// One client per process: Next may load this module in several bundles (proxy, routes,
// pages), so the instance lives on globalThis.
const holder = globalThis as unknown as { __waypointDb?: PrismaClient; __waypointDbRead?: { url: string; client: PrismaClient } };

function createClient(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: env().DATABASE_POOL_SIZE }),
  });
}

function primary(): PrismaClient {
  if (holder.__waypointDb) return holder.__waypointDb;
  const connectionString = env().DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start` (it starts an embedded PostgreSQL) or set DATABASE_URL.');
  }
  return (holder.__waypointDb = createClient(connectionString));
}

/** DATABASE_READ_URL's client when it is set (made again if the URL changes), else the primary's. */
export function readReplica(): PrismaClient {
  const url = env().DATABASE_READ_URL;
  if (!url) return primary();
  if (holder.__waypointDbRead?.url !== url) {
    void holder.__waypointDbRead?.client.$disconnect();
    holder.__waypointDbRead = { url, client: createClient(url) };
  }
  return holder.__waypointDbRead.client;
}

function lazy(resolve: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, prop) {
      const client = resolve();
      const value = Reflect.get(client, prop);
      return typeof value === 'function' ? value.bind(client) : value;
    },
  });
}

/** The platform-wide client. Tenant-owned rows go through tenantDb() instead. */
export const db: PrismaClient = lazy(primary);

/**
 * The platform-wide client for heavy reads that can be a moment behind (platform analytics,
 * exports, usage charts): a read replica when DATABASE_READ_URL is set, else the primary.
 * Never for a read that must see a write just made. Tenant-owned rows: tenantDbRead().
 */
export const dbRead: PrismaClient = lazy(readReplica);

export async function disconnectDb(): Promise<void> {
  await Promise.all([holder.__waypointDb?.$disconnect(), holder.__waypointDbRead?.client.$disconnect()]);
  holder.__waypointDb = undefined;
  holder.__waypointDbRead = undefined;
}

export type { PrismaClient };
export { Prisma } from './generated/client.ts';
