import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

// Keep-alive connections to webhook receivers: one agent per origin and vetted address set,
// so a connection is reused only to reach the addresses this attempt vetted. When the host's
// DNS answer changes, its attempts get a new agent and the old one's connections are never
// used again (and close when idle). Reusing connections saves a TCP (and TLS) handshake per
// attempt, most of a healthy receiver's cost.

/** Agents kept at once; the least recently used one is closed past this. */
const MAX_AGENTS = 1000;
/** An idle connection is closed after this, sooner than receivers usually close theirs (Node: 5 s). */
const IDLE_SOCKET_MS = 4000;
/**
 * Connections per agent. Many endpoints may share an origin (a receiver service's host, one
 * path per endpoint), so this is far above one endpoint's limit (send-lane.ts); idle ones
 * kept are fewer.
 */
const MAX_SOCKETS = 256;
const MAX_FREE_SOCKETS = 64;

const agents = new Map<string, http.Agent>();

export function agentFor(url: URL, addresses: string[]): http.Agent {
  const key = `${url.protocol}//${url.host}|${addresses.join(',')}`;
  const found = agents.get(key);
  if (found) {
    // Map order is insertion order: moving the agent to the end keeps the least recently used first.
    agents.delete(key);
    agents.set(key, found);
    return found;
  }
  const options = { keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_FREE_SOCKETS, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' as const };
  const agent = url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
  agents.set(key, agent);
  if (agents.size > MAX_AGENTS) {
    const [oldestKey, oldest] = agents.entries().next().value!;
    agents.delete(oldestKey);
    oldest.destroy();
  }
  return agent;
}

/** Closes every kept connection (tests, shutdown). */
export function closeConnections(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/**
 * The lookup a connection makes: the vetted addresses, never a fresh DNS answer. net.connect
 * asks with { all: true } when it may race IPv4 and IPv6 (autoSelectFamily), and for a single
 * address otherwise.
 */
export function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    if (options.all) callback(null, entries);
    else callback(null, entries[0].address, entries[0].family);
  };
}
