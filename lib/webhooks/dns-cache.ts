import { lookup as systemLookup, Resolver } from 'node:dns/promises';
import CacheableLookup from 'cacheable-lookup';
import type { LookupFn } from './ssrf-guard.ts';

// Every attempt vets its URL's addresses again (ssrf-guard.ts), so a host that changes its
// DNS to a private address is caught. Resolving once per record's TTL, not once per attempt,
// keeps that check off the hot path: a fan-out to one host is one lookup, and its keep-alive
// connections (connection-pool.ts) stay in use until the answer changes.

/** A record is vetted again after its TTL, and at least this often whatever its TTL says. */
const MAX_TTL_SECONDS = 300;

const cache = new CacheableLookup({
  maxTtl: MAX_TTL_SECONDS,
  // Names only the hosts file or the system resolver knows (localhost, search domains) go to
  // dns.lookup each time, uncached: it gives no TTL to honour.
  fallbackDuration: 0,
  errorTtl: 0,
  resolver: new Resolver({ timeout: 2000, tries: 1 }),
});

/** All addresses of `host`, from the cache while their TTL lasts; the system resolver if DNS servers cannot be asked. */
export const cachedLookup: LookupFn = async (host) => {
  try {
    return [...(await cache.lookupAsync(host, { all: true }))];
  } catch {
    return systemLookup(host, { all: true, verbatim: true });
  }
};
