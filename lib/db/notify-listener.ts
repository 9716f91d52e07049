import pg from 'pg';
import { config, env } from '../config/env.ts';

// One PostgreSQL LISTEN connection per process, shared by every in-process cache that must
// drop entries when another instance changes the data behind them (NOTIFY on commit).
// Only runs inside the Next server; scripts and tests clear their caches directly.

/** Gets the NOTIFY payload; undefined after a reconnect, when anything may have been missed. */
type Handler = (payload?: string) => void;

interface State {
  handlers: Map<string, Set<Handler>>;
  client?: pg.Client;
  connecting: boolean;
}

const holder = globalThis as unknown as { __waypointNotify?: State };

function state(): State {
  holder.__waypointNotify ??= { handlers: new Map(), connecting: false };
  return holder.__waypointNotify;
}

/**
 * Calls handler whenever `channel` is notified (and after a reconnect, when some may have been
 * missed). Listens only in the Next server, unless `outsideNext` (the job queue, which tests
 * and the worker process start themselves).
 */
export function onNotify(channel: string, handler: Handler, { outsideNext = false }: { outsideNext?: boolean } = {}): void {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  const s = state();
  const handlers = s.handlers.get(channel) ?? new Set();
  if (handlers.has(handler)) return;
  handlers.add(handler);
  s.handlers.set(channel, handlers);
  if (s.client) void s.client.query(`LISTEN ${channel}`).catch(() => {});
  else if (!s.connecting && (outsideNext || process.env.NEXT_RUNTIME === 'nodejs') && env().DATABASE_URL) void connect(s, 0);
}

async function connect(s: State, attempt: number): Promise<void> {
  s.connecting = true;
  const client = new pg.Client({ connectionString: config.directDatabaseUrl });
  const everyHandler = () => s.handlers.forEach((set) => set.forEach((handler) => handler(undefined)));
  const retry = () => {
    s.client = undefined;
    everyHandler(); // notifications may have been missed while disconnected
    client.removeAllListeners();
    client.end().catch(() => {});
    setTimeout(() => void connect(s, attempt + 1), Math.min(30_000, 500 * 2 ** attempt)).unref();
  };
  client.on('error', retry);
  client.on('notification', (message) => s.handlers.get(message.channel)?.forEach((handler) => handler(message.payload)));
  try {
    await client.connect();
    for (const channel of s.handlers.keys()) await client.query(`LISTEN ${channel}`);
    s.client = client;
    s.connecting = false;
  } catch {
    retry();
  }
}

/** Stops calling handler; the connection closes once nothing listens any more. */
export async function offNotify(channel: string, handler: Handler): Promise<void> {
  const s = state();
  const handlers = s.handlers.get(channel);
  handlers?.delete(handler);
  if (handlers && handlers.size === 0) s.handlers.delete(channel);
  if (s.handlers.size > 0 || !s.client) return;
  const client = s.client;
  s.client = undefined;
  client.removeAllListeners();
  client.on('error', () => {});
  await client.end().catch(() => {});
}

/** Closes the LISTEN connection (shutdown); handlers stay registered but hear nothing more. */
export async function closeNotifyListener(): Promise<void> {
  const s = state();
  const client = s.client;
  s.client = undefined;
  s.handlers.clear();
  if (!client) return;
  client.removeAllListeners();
  client.on('error', () => {});
  await client.end().catch(() => {});
}
