import { createHmac, randomBytes } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com): receivers verify with any of the
// spec's libraries, so the byte layout here must match theirs exactly.
const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface SignWebhookInput {
  /** Stable per event: receivers de-duplicate retries on it. */
  id: string;
  /** Unix seconds of this attempt (receivers reject stale ones, so re-sign every attempt). */
  timestamp: number;
  /** The exact string sent as the request body: any re-serialization breaks the signature. */
  body: string;
  /** Every currently valid secret: during a rotation grace period both old and new sign. */
  secrets: readonly string[];
}

export function signWebhook({ id, timestamp, body, secrets }: SignWebhookInput): Record<string, string> {
  if (secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new Error('webhook timestamp must be whole Unix seconds');
  }
  const signedContent = `${id}.${timestamp}.${body}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac('sha256', secretKey(secret)).update(signedContent, 'utf8').digest('base64')}`,
  );
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

// Buffer.from(…, 'base64') silently skips invalid characters, which would sign with a key
// the receiver never sees; refuse anything but a well-formed 'whsec_<base64>' secret.
function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : null;
  if (encoded === null || !BASE64.test(encoded)) {
    throw new Error("webhook secret must look like 'whsec_<base64>'");
  }
  return Buffer.from(encoded, 'base64');
}
