import { createHash, timingSafeEqual } from 'node:crypto';
import { base62 } from '../../api-keys/generate-api-key.ts';

// A feed URL carries two parts: the feed id (public, finds the row) and a secret token
// (256 bits, stored as SHA-256 only). The URL is shown once, when the member creates it; we
// cannot show it again, so "replace" makes a new one and stops the old one at once.

export const FEED_TOKEN_PREFIX = 'wpcal_';

export function newFeedId(): string {
  return `feed_${base62(20)}`;
}

/** 43 base62 characters: 256 bits of entropy. */
export function generateFeedToken(): string {
  return `${FEED_TOKEN_PREFIX}${base62(43)}`;
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of a presented token with the stored hash. */
export function feedTokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashFeedToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
