import path from 'node:path';
import { ensureDatabase, splitDatabaseUrl, startEmbeddedPostgres } from './embedded-postgres.ts';

export interface LocalDatabase {
  /** URL of the app's database. */
  url: string;
  /** URL of the server, without a database name (for creating test databases). */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when it is set (its database is created if missing); otherwise an embedded
 * PostgreSQL under .data/, started here and stopped by stop().
 */
export async function openLocalDatabase(options: { name?: string; dataDir?: string; port?: number; log?: (line: string) => void } = {}): Promise<LocalDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    const { serverUrl, database, search } = splitDatabaseUrl(fromEnv);
    await ensureDatabase(serverUrl + search, database).catch((error: Error) => {
      throw new Error(`cannot reach DATABASE_URL (${serverUrl.replace(/:[^:@/]*@/, ':***@')}): ${error.message}`);
    });
    return { url: fromEnv, serverUrl, embedded: false, stop: async () => {} };
  }
  const port = options.port ?? Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const dataDir = options.dataDir ?? path.join('.data', 'postgres');
  const server = await startEmbeddedPostgres({ dir: dataDir, port, log: options.log });
  const url = await ensureDatabase(server.serverUrl, options.name ?? 'waypoint');
  options.log?.(`Embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${dataDir})`);
  return { url, serverUrl: server.serverUrl, embedded: true, stop: server.stop };
}
