import { describe, expect, it } from 'vitest';
import { displayParts, generateApiKeySecret, hashApiKey, looksLikeApiKey, newApiKeyId } from '../../lib/api-keys/generate-api-key.ts';
import { buildAllowlist, ipAllowed, parseAllowlistEntry } from '../../lib/api-keys/ip-allowlist.ts';
import { effectiveScopes } from '../../lib/api-keys/scopes.ts';

describe('API key material', () => {
  it('makes wp_live_ keys of 43 base62 characters, all different', () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKeySecret));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(looksLikeApiKey(key)).toBe(true);
    expect(newApiKeyId()).toMatch(/^key_[0-9A-Za-z]{20}$/);
  });

  it('stores only a SHA-256 and a display prefix and last four', () => {
    const secret = generateApiKeySecret();
    expect(hashApiKey(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(secret)).toBe(hashApiKey(secret));
    expect(hashApiKey(secret)).not.toContain(secret.slice(8, 20));
    expect(displayParts(secret)).toEqual({ prefix: secret.slice(0, 12), last4: secret.slice(-4) });
  });

  it('recognises malformed keys', () => {
    expect(looksLikeApiKey('wp_live_short')).toBe(false);
    expect(looksLikeApiKey(`wp_test_${'a'.repeat(43)}`)).toBe(false);
    expect(looksLikeApiKey(`wp_live_${'a'.repeat(42)}!`)).toBe(false);
  });
});

describe('IP allowlists', () => {
  it('parses addresses and CIDR ranges, v4 and v6', () => {
    expect(parseAllowlistEntry('203.0.113.7')).toEqual({ address: '203.0.113.7', prefix: 32, family: 'ipv4' });
    expect(parseAllowlistEntry('203.0.113.0/24')).toEqual({ address: '203.0.113.0', prefix: 24, family: 'ipv4' });
    expect(parseAllowlistEntry('2001:db8::/32')).toEqual({ address: '2001:db8::', prefix: 32, family: 'ipv6' });
    for (const bad of ['203.0.113.0/33', '2001:db8::/129', 'example.com', '10.0.0.1/8/1', '10.0.0.1/x', '']) expect(parseAllowlistEntry(bad), bad).toBeNull();
  });

  it('matches single addresses, CIDR ranges and IPv4-mapped IPv6', () => {
    const list = buildAllowlist(['203.0.113.7', '198.51.100.0/24', '2001:db8:abcd::/48']);
    expect(ipAllowed(list, '203.0.113.7')).toBe(true);
    expect(ipAllowed(list, '203.0.113.8')).toBe(false);
    expect(ipAllowed(list, '198.51.100.200')).toBe(true);
    expect(ipAllowed(list, '198.51.101.1')).toBe(false);
    expect(ipAllowed(list, '2001:db8:abcd:12::1')).toBe(true);
    expect(ipAllowed(list, '2001:db8:abce::1')).toBe(false);
    expect(ipAllowed(list, '::ffff:198.51.100.9')).toBe(true);
    expect(ipAllowed(list, 'unknown')).toBe(false);
    expect(ipAllowed(buildAllowlist([]), 'unknown')).toBe(true);
  });
});

describe('scopes', () => {
  it('expand admin:all and shrink to what the creator role allows', () => {
    expect([...effectiveScopes(['admin:all'], 'owner')]).toHaveLength(11);
    expect([...effectiveScopes(['admin:all'], 'member')].sort()).toEqual(['ai:coach', 'read:analytics', 'read:goals', 'read:habits', 'read:users', 'write:analytics', 'write:goals', 'write:habits']);
    expect([...effectiveScopes(['write:goals', 'read:goals'], 'viewer')]).toEqual(['read:goals']);
    expect([...effectiveScopes(['bogus', 'read:habits'], 'admin')]).toEqual(['read:habits']);
  });
});
