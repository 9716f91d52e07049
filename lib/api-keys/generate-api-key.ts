import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KEY_PREFIX = 'wp_live_';

/** Base62 of random bytes, by rejection sampling so every character is equally likely. */
export function base62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** 43 base62 characters: 256 bits of entropy. */
export function generateApiKeySecret(): string {
  return `${KEY_PREFIX}${base62(43)}`;
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What lists show of a key: its first characters and its last four. */
export function displayParts(secret: string): { prefix: string; last4: string } {
  return { prefix: secret.slice(0, KEY_PREFIX.length + 4), last4: secret.slice(-4) };
}

export function looksLikeApiKey(value: string): boolean {
  return /^wp_live_[0-9A-Za-z]{43}$/.test(value);
}

export function newApiKeyId(): string {
  return `key_${base62(20)}`;
}
