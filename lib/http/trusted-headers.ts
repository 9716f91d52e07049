import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Facts about a request that only Waypoint may state: the client's IP (worked out by the
// HTTP server from the socket and the trusted proxy hops), the request id, and the tenant
// proxy.ts resolved from the Host. They travel to route handlers and pages as request
// headers, sealed with an HMAC under a key that exists only in this process: the server
// strips every client-sent x-waypoint-* header and seals its own, proxy.ts checks the seal,
// adds the tenant and seals again, and readers accept nothing without a valid seal. A header
// a client sends, on any path, is therefore never believed.

export const CLIENT_IP_HEADER = 'x-waypoint-client-ip';
export const TENANT_ID_HEADER = 'x-waypoint-tenant-id';
export const REQUEST_ID_HEADER = 'x-request-id';
const SEAL_HEADER = 'x-waypoint-seal';
const PREFIX = 'x-waypoint-';

export interface TrustedFacts {
  clientIp: string | null;
  requestId: string | null;
  tenantId: string | null;
}

const EMPTY: TrustedFacts = { clientIp: null, requestId: null, tenantId: null };

const holder = globalThis as unknown as { [key: symbol]: Buffer | undefined };
const KEY = Symbol.for('waypoint.trusted-headers.key');

/** The per-process key; the server, proxy.ts and every bundle of the app share it through globalThis. */
function key(): Buffer {
  holder[KEY] ??= randomBytes(32);
  return holder[KEY];
}

function mac(facts: TrustedFacts): Buffer {
  return createHmac('sha256', key())
    .update(`${facts.clientIp ?? ''}\n${facts.requestId ?? ''}\n${facts.tenantId ?? ''}`)
    .digest();
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function get(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function set(headers: HeaderBag, name: string, value: string | null): void {
  if (headers instanceof Headers) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  } else if (value === null) delete headers[name];
  else headers[name] = value;
}

/** Removes every x-waypoint-* header (what a client sent, or an older seal). */
export function stripTrusted(headers: HeaderBag): void {
  const names = headers instanceof Headers ? [...headers.keys()] : Object.keys(headers);
  for (const name of names) if (name.toLowerCase().startsWith(PREFIX)) set(headers, name, null);
}

/**
 * Writes the facts and their seal, replacing whatever was there (the request id is a plain
 * header too: logs and clients see it). Works on Fetch Headers and on Node's header object.
 */
export function sealTrusted(headers: HeaderBag, facts: TrustedFacts): void {
  stripTrusted(headers);
  set(headers, CLIENT_IP_HEADER, facts.clientIp);
  set(headers, TENANT_ID_HEADER, facts.tenantId);
  set(headers, REQUEST_ID_HEADER, facts.requestId);
  set(headers, SEAL_HEADER, mac(facts).toString('base64url'));
}

/** The facts, if they carry this process's seal; otherwise nothing is trusted. */
export function readTrusted(headers: HeaderBag): TrustedFacts {
  const seal = get(headers, SEAL_HEADER);
  if (!seal) return EMPTY;
  const facts: TrustedFacts = { clientIp: get(headers, CLIENT_IP_HEADER), requestId: get(headers, REQUEST_ID_HEADER), tenantId: get(headers, TENANT_ID_HEADER) };
  const given = Buffer.from(seal, 'base64url');
  const expected = mac(facts);
  return given.length === expected.length && timingSafeEqual(given, expected) ? facts : EMPTY;
}
