import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedPostgres } from '../../lib/db/embedded-postgres.ts';
import { applyMigrations } from '../../lib/db/migrations.ts';

export interface TestDatabase {
  url: string;
  serverUrl: string;
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database for one test run, on DATABASE_URL's server when set or on an
 * embedded PostgreSQL (separate from the one `npm start` uses) otherwise. Dropped at cleanup.
 */
export async function createTestDatabase(log: (line: string) => void = () => {}): Promise<TestDatabase> {
  let serverUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    const parts = splitDatabaseUrl(process.env.DATABASE_URL);
    serverUrl = parts.serverUrl;
  } else {
    const server = await startEmbeddedPostgres({ dir: path.join('.data', 'postgres-test'), port: Number(process.env.TEST_POSTGRES_PORT ?? 54339), log });
    serverUrl = server.serverUrl;
    stopServer = server.stop;
  }
  const name = `waypoint_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = await ensureDatabase(serverUrl, name);
  await applyMigrations(url);
  log(`test database ${name} on ${serverUrl.replace(/:[^:@/]*@/, ':***@')}`);
  return {
    url,
    serverUrl,
    cleanup: async () => {
      await dropDatabase(serverUrl, name).catch(() => {});
      await stopServer();
    },
  };
}
