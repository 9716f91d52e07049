import { afterEach, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from '../../lib/crypto/encrypt-secret.ts';

const original = process.env.ENCRYPTION_KEY;
afterEach(() => {
  process.env.ENCRYPTION_KEY = original;
});

describe('encryptSecret', () => {
  it('round-trips, with a fresh IV each time and no plaintext in the output', () => {
    const a = encryptSecret('whsec_c2VjcmV0');
    const b = encryptSecret('whsec_c2VjcmV0');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain('c2VjcmV0');
    expect(decryptSecret(a)).toBe('whsec_c2VjcmV0');
  });

  it('detects tampering and a wrong key', () => {
    const stored = encryptSecret('whsec_abc');
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(parts.join('.'))).toThrow();
    process.env.ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
    expect(() => decryptSecret(stored)).toThrow();
  });

  it('refuses a missing or short key with a clear message', () => {
    delete process.env.ENCRYPTION_KEY;
    expect(() => encryptSecret('x')).toThrow(/ENCRYPTION_KEY is not set/);
    process.env.ENCRYPTION_KEY = Buffer.alloc(16).toString('base64');
    expect(() => encryptSecret('x')).toThrow(/32 bytes/);
  });
});
