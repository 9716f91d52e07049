import { createHash, timingSafeEqual } from 'node:crypto';

// Client secrets, authorization codes and tokens are high-entropy random values, so a plain
// SHA-256 is the right storage (as for API keys): nothing to brute-force, and lookups by hash
// stay indexable.

export function hashOAuthSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashOAuthSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What lists show of a secret: its last four characters. */
export const secretHint = (secret: string) => secret.slice(-4);
