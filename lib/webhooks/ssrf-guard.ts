import { BlockList, isIP } from 'node:net';
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../http/outbound-url.ts';
import { cachedLookup } from './dns-cache.ts';

// Webhook URLs are tenant-supplied, so a delivery must never reach our own network, the
// cloud metadata service or anything else that is not the public internet.

export type LookupFn = (host: string) => Promise<{ address: string; family: number }[]>;

export interface AssertPublicUrlOptions {
  /** Development only: lets a receiver on this machine through (loopback, nothing else). */
  allowLocalhost?: boolean;
  /** Default true: plain http would expose payloads and signatures in transit. */
  requireHttps?: boolean;
  /** Injectable for tests; defaults to DNS cached for each record's TTL (dns-cache.ts). */
  lookup?: LookupFn;
}

export type UnsafeUrlReason =
  | 'invalid-url'
  | 'credentials'
  | 'scheme'
  | 'unresolvable'
  | 'metadata'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'reserved';

export class UnsafeUrlError extends Error {
  readonly reason: UnsafeUrlReason;

  constructor(reason: UnsafeUrlReason, message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
    this.reason = reason;
  }
}

type Range = [network: string, prefix: number];

function blockList(v4: Range[], v6: Range[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

// Checked in order, so the narrow categories (metadata inside link-local and ULA,
// :: and ::1 inside ::/96) name the reason before the broad ones. BlockList matches
// IPv4-mapped IPv6 (::ffff:a.b.c.d) against the IPv4 rules by itself.
const CATEGORIES: [UnsafeUrlReason, BlockList][] = [
  ['metadata', blockList([['169.254.169.254', 32]], [['fd00:ec2::254', 128]])],
  ['unspecified', blockList([['0.0.0.0', 8]], [['::', 128]])],
  ['loopback', blockList([['127.0.0.0', 8]], [['::1', 128]])],
  ['private', blockList([['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]], [['fc00::', 7]])],
  ['link-local', blockList([['169.254.0.0', 16]], [['fe80::', 10]])],
  ['cgnat', blockList([['100.64.0.0', 10]], [])],
  [
    'reserved',
    blockList(
      [
        ['192.0.0.0', 24], // IETF protocol assignments
        ['192.0.2.0', 24], // documentation
        ['192.88.99.0', 24], // 6to4 relay anycast
        ['198.18.0.0', 15], // benchmarking
        ['198.51.100.0', 24], // documentation
        ['203.0.113.0', 24], // documentation
        ['224.0.0.0', 4], // multicast
        ['240.0.0.0', 4], // reserved, including broadcast
      ],
      [
        ['::', 96], // IPv4-compatible (deprecated): could smuggle any IPv4 address
        ['64:ff9b::', 96], // NAT64: a gateway would forward to the embedded IPv4 address
        ['64:ff9b:1::', 48], // local-use NAT64
        ['100::', 64], // discard-only
        ['2001::', 32], // Teredo tunnels
        ['2001:db8::', 32], // documentation
        ['2002::', 16], // 6to4: embeds an IPv4 address
        ['ff00::', 8], // multicast
      ],
    ),
  ],
];

/** The category that makes `address` unsafe to deliver to, or null for a public address. */
export function classifyAddress(address: string): UnsafeUrlReason | null {
  const family = isIP(address);
  if (family === 0) return 'invalid-url';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [reason, list] of CATEGORIES) {
    if (list.check(address, type)) return reason;
  }
  return null;
}

/**
 * Parses a webhook URL and vets every address its host resolves to. Connect only to the
 * returned addresses: resolving again at connect time would let DNS rebinding swap in a
 * private address after the check.
 */
export async function assertPublicUrl(
  url: string,
  options: AssertPublicUrlOptions = {},
): Promise<{ url: URL; addresses: string[] }> {
  const { allowLocalhost = false, requireHttps = true, lookup = cachedLookup } = options;

  let parsed: URL;
  try {
    // WHATWG parsing also normalizes numeric hosts (2130706433, 0x7f.1, 0177.0.0.1) to
    // dotted IPv4, so the literal checks below see what a connection would reach.
    parsed = new URL(url);
  } catch {
    throw new UnsafeUrlError('invalid-url', 'Webhook URL is not a valid URL');
  }
  const allowedSchemes = requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!allowedSchemes.includes(parsed.protocol)) {
    throw new UnsafeUrlError('scheme', `Webhook URL must use ${allowedSchemes.join(' or ').replaceAll(':', '')}`);
  }

  // Also at send time: a URL stored before the input check refused credentials is not sent with them.
  if (hasUrlCredentials(url)) throw new UnsafeUrlError('credentials', `Webhook URL must not carry credentials. ${URL_CREDENTIALS_MESSAGE}`);

  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [host] : await resolve(host, lookup);

  for (const address of addresses) {
    const reason = classifyAddress(address);
    if (reason === null || (reason === 'loopback' && allowLocalhost)) continue;
    throw new UnsafeUrlError(reason, `Webhook URL host ${host} resolves to ${address}, a ${reason} address`);
  }
  return { url: parsed, addresses };
}

async function resolve(host: string, lookup: LookupFn): Promise<string[]> {
  let results: { address: string }[];
  try {
    results = await lookup(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UnsafeUrlError('unresolvable', `Webhook URL host ${host} does not resolve (${code})`);
  }
  if (results.length === 0) {
    throw new UnsafeUrlError('unresolvable', `Webhook URL host ${host} does not resolve`);
  }
  return [...new Set(results.map((result) => result.address))];
}
