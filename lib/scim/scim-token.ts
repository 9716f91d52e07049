import { createHash, timingSafeEqual } from 'node:crypto';
import { base62 } from '../api-keys/generate-api-key.ts';

// A directory's bearer token: shown once, stored as SHA-256, rotatable (the old one stops at
// once: identity providers take a new token in one step, so no grace period is needed).

export const SCIM_TOKEN_PREFIX = 'wp_scim_';

/** 43 base62 characters: 256 bits of entropy. */
export function generateScimToken(): string {
  return `${SCIM_TOKEN_PREFIX}${base62(43)}`;
}

export function hashScimToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenHint(token: string): string {
  return token.slice(-4);
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashScimToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Directory ids appear in the SCIM base URL: opaque and prefixed. */
export function newDirectoryId(): string {
  return `dir_${base62(20)}`;
}
