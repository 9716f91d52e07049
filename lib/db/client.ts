import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { env } from '../config/env.ts';

// One client per process: Next may load this module in several bundles (proxy, routes,
// pages), so the instance lives on globalThis.
const holder = globalThis as unknown as { __waypointDb?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start` (it starts an embedded PostgreSQL) or set DATABASE_URL.');
  }
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: env().DATABASE_POOL_SIZE }),
  });
}

/** The platform-wide client. Tenant-owned rows go through tenantDb() instead. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    holder.__waypointDb ??= createClient();
    const value = Reflect.get(holder.__waypointDb, prop);
    return typeof value === 'function' ? value.bind(holder.__waypointDb) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await holder.__waypointDb?.$disconnect();
  holder.__waypointDb = undefined;
}

export type { PrismaClient };
export { Prisma } from './generated/client.ts';
