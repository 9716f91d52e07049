import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp } from '../../lib/auth/client-ip.ts';
import { readTrusted, sealTrusted } from '../../lib/http/trusted-headers.ts';
import { clientAddress, normalizeIp, peerIsTrusted, trustFrom } from '../../lib/server/client-address.ts';
import { normalizeHostHeader } from '../../lib/server/http-server.ts';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, connection: { remoteAddress } }) as unknown as IncomingMessage;

describe('the client address, by trusted proxy hops', () => {
  it('with no trusted proxy (the default), is the socket: X-Forwarded-For is the client’s own words', () => {
    const trust = trustFrom({ hops: 0 });
    expect(clientAddress(request('198.51.100.7', '203.0.113.9'), trust)).toBe('198.51.100.7');
    expect(clientAddress(request('::ffff:198.51.100.7', '203.0.113.9, 10.0.0.1'), trust)).toBe('198.51.100.7');
  });

  it('behind one proxy, is the entry that proxy appended, whatever the client put before it', () => {
    const trust = trustFrom({ hops: 1 });
    expect(clientAddress(request('10.0.0.2', '203.0.113.9'), trust)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.2', '1.1.1.1, 203.0.113.9'), trust)).toBe('203.0.113.9');
    // No header at all: the proxy itself is the closest thing to a client there is.
    expect(clientAddress(request('10.0.0.2'), trust)).toBe('10.0.0.2');
  });

  it('behind listed proxies (CIDRs), skips them from the right and stops at the first untrusted address', () => {
    const trust = trustFrom({ hops: 0, proxies: '10.0.0.0/8, loopback' });
    expect(clientAddress(request('127.0.0.1', '9.9.9.9, 203.0.113.9, 10.1.2.3'), trust)).toBe('203.0.113.9');
    // A socket that is not one of our proxies: its X-Forwarded-For means nothing.
    expect(clientAddress(request('198.51.100.7', '10.1.2.3'), trust)).toBe('198.51.100.7');
    expect(peerIsTrusted(request('10.9.9.9'), trust)).toBe(true);
    expect(peerIsTrusted(request('198.51.100.7'), trust)).toBe(false);
  });

  it('never returns something that is not an address (a miscounted hop landing on junk)', () => {
    const trust = trustFrom({ hops: 2 });
    expect(clientAddress(request('10.0.0.2', '<script>, 10.0.0.3'), trust)).toBe('10.0.0.2');
  });

  it('writes IPv4-mapped IPv6 addresses the way allowlists do', () => {
    expect(normalizeIp('::FFFF:203.0.113.9')).toBe('203.0.113.9');
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
  });
});

describe('trusted request facts', () => {
  it('are read only with this process’s seal: a client-sent x-waypoint-* header counts for nothing', () => {
    expect(clientIp({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' })).toBeNull();
    expect(clientIp({ 'x-waypoint-client-ip': '203.0.113.9' })).toBeNull();
    expect(readTrusted(new Headers({ 'x-waypoint-tenant-id': 't1', 'x-waypoint-seal': 'AAAA' })).tenantId).toBeNull();

    const headers = new Headers({ 'x-waypoint-tenant-id': 'forged', 'x-waypoint-anything': 'x' });
    sealTrusted(headers, { clientIp: '198.51.100.7', requestId: 'req_1234567890', tenantId: 'tenant-a' });
    expect(headers.get('x-waypoint-anything')).toBeNull();
    expect(readTrusted(headers)).toEqual({ clientIp: '198.51.100.7', requestId: 'req_1234567890', tenantId: 'tenant-a' });
    expect(clientIp(headers)).toBe('198.51.100.7');

    // Changing any sealed fact breaks the seal.
    headers.set('x-waypoint-tenant-id', 'tenant-b');
    expect(readTrusted(headers)).toEqual({ clientIp: null, requestId: null, tenantId: null });
  });

  it('work on Node’s header object too (the HTTP server seals before Next sees the request)', () => {
    const headers: Record<string, string | string[] | undefined> = { host: 'acme.example.com', 'X-Waypoint-Tenant-Id': 'forged' };
    sealTrusted(headers, { clientIp: '203.0.113.9', requestId: 'req_abcdefghij', tenantId: null });
    expect(headers['X-Waypoint-Tenant-Id']).toBeUndefined();
    expect(readTrusted(headers)).toEqual({ clientIp: '203.0.113.9', requestId: 'req_abcdefghij', tenantId: null });
  });
});

describe('the Host header', () => {
  it('is one spelling of the host: lower case, no trailing dots, port kept', () => {
    expect(normalizeHostHeader('ACME.localhost:3000.')).toBe('acme.localhost:3000');
    expect(normalizeHostHeader('acme.localhost.:3000')).toBe('acme.localhost:3000');
    expect(normalizeHostHeader('coach.acme.com.')).toBe('coach.acme.com');
    expect(normalizeHostHeader('127.0.0.1:3100')).toBe('127.0.0.1:3100');
    expect(normalizeHostHeader('[::1]:3100')).toBe('[::1]:3100');
  });

  it('is refused when it is not a host', () => {
    for (const bad of [undefined, '', 'a b', 'acme.localhost:3000/x', 'acme..localhost', 'acme.localhost:99999999', 'x'.repeat(400), 'acme\u0000.localhost']) {
      expect(normalizeHostHeader(bad), String(bad)).toBeNull();
    }
  });
});
