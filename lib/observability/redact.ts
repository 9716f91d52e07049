import { createHash } from 'node:crypto';

// What structured logs never carry in clear (README › Privacy and retention): email addresses
// become a short hash of the address (the same address always gives the same hash, so lines
// about one person can still be followed), IP addresses lose their last part (an IPv4 /24, an
// IPv6 /48), and credentials (fields named like a password, token, secret, key, cookie or
// authorization, and bearer or Waypoint tokens inside text) are replaced. LOG_REDACT=off turns
// it off for local debugging.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g;
const IPV6 = /\b([0-9a-f]{1,4}):([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::[0-9a-f]{0,4}){2,5}\b/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
// API keys and OAuth tokens Waypoint issues (wp_…, wpat_…, wprt_…), and long opaque secrets in URLs (?token=…).
const ISSUED = /\b(wp[a-z]*_[A-Za-z0-9_-]{16,})/g;
const URL_SECRET = /([?&](?:token|code|state|key|secret|signature)=)[^&\s"]+/gi;
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|private|credential|totp|recovery/i;
const MAX_DEPTH = 8;

export const REDACTED = '[redacted]';

function hashEmail(email: string): string {
  return `email:${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 12)}`;
}

export function scrubText(text: string): string {
  return text
    .replace(BEARER, (_, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(URL_SECRET, (_, prefix: string) => `${prefix}${REDACTED}`)
    .replace(ISSUED, REDACTED)
    .replace(EMAIL, hashEmail)
    // Loopback is the machine itself, not a person: kept, so "Redis at 127.0.0.1" stays true.
    .replace(IPV4, (ip: string, a: string, b: string, c: string) => (a === '127' ? ip : `${a}.${b}.${c}.0`))
    .replace(IPV6, (_, a: string, b: string, c: string) => `${a}:${b}:${c}::`);
}

/** A copy of a log line's fields with personal data and secrets taken out. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (value instanceof Date) return value;
  // An error's message and stack are not enumerable: keep them (as pino's serializer would), scrubbed.
  if (value instanceof Error) {
    const fields: Record<string, unknown> = { ...value, type: value.name, message: value.message, stack: value.stack };
    if (value.cause !== undefined) fields.cause = value.cause;
    return scrub(fields, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = SECRET_KEY.test(key) && field !== null && field !== undefined && typeof field !== 'boolean' && typeof field !== 'number' ? REDACTED : scrub(field, depth + 1);
  return out;
}
