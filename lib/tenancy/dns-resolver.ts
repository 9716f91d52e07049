import { Resolver } from 'node:dns/promises';
import type { TxtResolver } from './domains.ts';
import { env } from '../config/env.ts';

/**
 * TXT lookups for domain verification: the system resolver, or the servers in DNS_SERVERS
 * (comma-separated "ip" or "ip:port"), e.g. an internal resolver, or a stub in tests.
 */
export function txtResolver(): TxtResolver {
  const servers = env().DNS_SERVERS?.split(',').map((server) => server.trim()).filter(Boolean);
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  return (hostname) => resolver.resolveTxt(hostname);
}
