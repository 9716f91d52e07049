import { createHash } from 'node:crypto';
import type { Redis as UpstashRedis } from '@upstash/redis';
import { Redis } from 'ioredis';
import { logger } from '../observability/logger.ts';

/**
 * The part of @upstash/redis that @upstash/ratelimit 2.2.0 uses with our settings: its
 * algorithms run `evalsha` and fall back to `eval` on NOSCRIPT; `get` and `set` are in the
 * type its constructor asks for (it calls them only for dynamic limits, which we leave off,
 * as it does `del`, and `zincrby` and friends only for analytics, also off).
 */
type UpstashScripting = Pick<UpstashRedis, 'evalsha' | 'eval' | 'get' | 'set'>;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * @upstash/ratelimit >= 2.1 starts every script with `#!lua flags=allow-key-locking`, a flag
 * only Upstash knows: open-source Redis 7 refuses the whole script ("Unexpected flag in script
 * shebang"). Without the shebang line Redis runs it as a classic script with the same effect.
 */
function withoutShebang(script: string): string {
  return script.startsWith('#!') ? script.slice(script.indexOf('\n') + 1) : script;
}

/** As @upstash/redis sends arguments: strings, numbers and booleans as they are, the rest as JSON. */
function serialize(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/**
 * As @upstash/redis reads replies: strings that are JSON become values ("5" → 5) unless that
 * would change a number's spelling, so the library sees the same types from both clients.
 */
function deserialize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deserialize);
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'number' && String(parsed) !== value ? value : parsed;
  } catch {
    return value;
  }
}

/**
 * Lets @upstash/ratelimit run against a standard Redis through ioredis. The library calls
 * `evalsha` with the hash of its original script; Redis only knows the stripped script, under
 * another hash. The adapter learns each pair the first time the library falls back to `eval`
 * (which it provokes by answering NOSCRIPT for a hash it has not seen) and from then on runs
 * the stripped script by its own hash.
 */
export class RedisAdapter implements UpstashScripting {
  private readonly strippedHashes = new Map<string, string>();

  constructor(private readonly client: Redis) {}

  evalsha = async <TArgs extends unknown[], TData = unknown>(sha1Hash: string, keys: string[], args: TArgs): Promise<TData> => {
    const stripped = this.strippedHashes.get(sha1Hash);
    if (stripped === undefined) throw new Error('NOSCRIPT this script has not been loaded through the adapter yet');
    const reply = await this.client.evalsha(stripped, keys.length, ...keys, ...args.map(serialize));
    return deserialize(reply) as TData;
  };

  eval = async <TArgs extends unknown[], TData = unknown>(script: string, keys: string[], args: TArgs): Promise<TData> => {
    const stripped = withoutShebang(script);
    // EVAL also caches the script in Redis, so the next EVALSHA of this hash finds it.
    const reply = await this.client.eval(stripped, keys.length, ...keys, ...args.map(serialize));
    this.strippedHashes.set(sha1(script), sha1(stripped));
    return deserialize(reply) as TData;
  };

  get = async <TData>(key: string): Promise<TData | null> => {
    return deserialize(await this.client.get(key)) as TData | null;
  };

  set = async <TData>(key: string, value: TData): Promise<'OK' | TData | null> => {
    return this.client.set(key, serialize(value));
  };
}

/**
 * A client that fails a command quickly when Redis is away instead of queueing it through
 * every reconnection attempt, and that reports losing Redis once per outage, not per retry.
 */
export function connectRedis(url: string): Redis {
  // Auto-pipelining: the commands of one tick (a request's three policies, and other requests')
  // go to Redis in one write.
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 2_000, enableAutoPipelining: true });
  let reported = false;
  client.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger().warn({ err: error }, 'ratelimit: Redis connection failed');
  });
  client.on('ready', () => {
    reported = false;
  });
  return client;
}
