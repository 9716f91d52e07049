import { LRUCache } from 'lru-cache';
import { config } from '../config/env.ts';
import { db } from '../db/client.ts';
import { onNotify } from '../db/notify-listener.ts';
import { loadTenantById, loadTenantForHost } from './load-tenant.ts';
import type { HostTarget } from './parse-host.ts';
import type { TenantContext } from './tenant-context.ts';

// Host → tenant lookups run on every request, so they are cached in process. Entries live
// for TENANT_CACHE_TTL_SECONDS; any change to a tenant, its domains or its branding clears
// the cache in every instance at once through a PostgreSQL NOTIFY on this channel.
export const INVALIDATION_CHANNEL = 'waypoint_tenant_cache';

interface State {
  cache: LRUCache<string, TenantContext>;
  /** Hosts nobody owns, kept apart so a flood of random Host headers cannot evict tenants. */
  unknown: LRUCache<string, true>;
}

const holder = globalThis as unknown as { __waypointTenantCache?: State };

function state(): State {
  holder.__waypointTenantCache ??= {
    cache: new LRUCache<string, TenantContext>({
      max: 10_000,
      ttl: config.tenantCacheTtlSeconds * 1000,
      // Concurrent misses for one key share a single query. Returning undefined stores nothing.
      fetchMethod: async (key) => (await load(key)) ?? undefined,
    }),
    unknown: new LRUCache<string, true>({ max: 2_000, ttl: Math.min(10, config.tenantCacheTtlSeconds) * 1000 }),
  };
  return holder.__waypointTenantCache;
}

async function lookup(key: string): Promise<TenantContext | null> {
  ensureListener();
  const s = state();
  if (s.unknown.has(key)) return null;
  let tenant: TenantContext | undefined;
  try {
    tenant = await s.cache.fetch(key);
  } catch {
    // A tenant changed while this lookup was in flight: clear() aborts it (lru-cache rejects
    // with "deleted") so an answer from before the change is never cached. Load again,
    // uncached; a database error this time is a real one and propagates.
    tenant = (await load(key)) ?? undefined;
  }
  if (!tenant) s.unknown.set(key, true);
  return tenant ?? null;
}

// Keys: "sub:<slug>", "dom:<hostname>", "id:<tenant id>".
function keyFor(target: HostTarget): string | null {
  if (target.kind === 'subdomain') return `sub:${target.slug}`;
  if (target.kind === 'custom') return `dom:${target.hostname}`;
  return null;
}

function load(key: string): Promise<TenantContext | null> {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'id') return loadTenantById(value);
  return loadTenantForHost(kind === 'sub' ? { kind: 'subdomain', slug: value } : { kind: 'custom', hostname: value });
}

/** The tenant a host belongs to (unknown hosts are cached too, as null). */
export async function resolveTenant(target: HostTarget): Promise<TenantContext | null> {
  const key = keyFor(target);
  return key ? lookup(key) : null;
}

export async function getTenantById(id: string): Promise<TenantContext | null> {
  return lookup(`id:${id}`);
}

export function clearLocalTenantCache(): void {
  state().cache.clear();
  state().unknown.clear();
}

/**
 * Call inside the transaction that changes a tenant, its domains or its branding: NOTIFY is
 * delivered when it commits, and every app instance (this one included) clears its cache.
 * Processes without a listener (scripts, tests) also call clearLocalTenantCache() after commit.
 */
export async function notifyTenantChanged(tx: { $executeRaw: typeof db.$executeRaw }): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, 'changed')`;
}

function ensureListener(): void {
  onNotify(INVALIDATION_CHANNEL, clearLocalTenantCache);
}
