import { LRUCache } from 'lru-cache';
import type { db } from '../db/client.ts';
import { onNotify } from '../db/notify-listener.ts';

// Verified keys by secret hash, so a repeated key costs no database lookup. Rotating or
// revoking a key NOTIFYs every instance, which drops its entries at once; the TTL bounds
// everything else (e.g. a creator's role change).
export const API_KEY_CHANNEL = 'waypoint_api_keys';
const TTL_MS = 60_000;

interface State<T> {
  known: LRUCache<string, { value: T | null }>;
}

const holder = globalThis as unknown as { __waypointApiKeys?: State<unknown> };

function state<T>(): State<T> {
  holder.__waypointApiKeys ??= { known: new LRUCache({ max: 20_000, ttl: TTL_MS }) };
  return holder.__waypointApiKeys as State<T>;
}

/** The cached value for this hash (null for a hash known not to exist), or undefined on a miss. */
export function cachedKey<T>(hash: string): T | null | undefined {
  onNotify(API_KEY_CHANNEL, clearApiKeyCache);
  return state<T>().known.get(hash)?.value as T | null | undefined;
}

/** Unknown hashes are cached briefly too, so a flood of bad keys does not reach the database. */
export function rememberKey<T>(hash: string, value: T | null): void {
  state<T>().known.set(hash, { value }, value === null ? { ttl: 10_000 } : undefined);
}

export function clearApiKeyCache(): void {
  state().known.clear();
}

/** Call inside the transaction that rotates or revokes a key. */
export async function notifyApiKeysChanged(tx: { $executeRaw: typeof db.$executeRaw }): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${API_KEY_CHANNEL}, 'changed')`;
}
