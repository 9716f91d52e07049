import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONSENT_FORM_LIFETIME } from './token-lifetimes.ts';
import { env } from '../config/env.ts';

// CSRF protection of the consent decision: the consent form carries a token that signs (HMAC
// with a key derived from NEXTAUTH_SECRET) the workspace, the signed-in user, an expiry and
// every authorization parameter of the form. Another site cannot make one for the victim (it
// does not know the key), cannot reuse its own (bound to its user), and cannot change what is
// being consented to. This works for a route handler and a Server Action alike, with or without
// an Origin header.

function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: `npm start` generates one into .data/secrets.json; set it explicitly in production.');
  return createHmac('sha256', secret).update('waypoint-oauth-consent').digest();
}

function mac(tenantId: string, userId: string, expires: number, fields: Record<string, string>): Buffer {
  const canonical = JSON.stringify(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHmac('sha256', key()).update(`${tenantId}\n${userId}\n${expires}\n${canonical}`).digest();
}

export function signConsent(tenantId: string, userId: string, fields: Record<string, string>, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + CONSENT_FORM_LIFETIME;
  return `${expires}.${mac(tenantId, userId, expires, fields).toString('base64url')}`;
}

export function verifyConsent(token: string | undefined, tenantId: string, userId: string, fields: Record<string, string>, now = Date.now()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now) return false;
  const expected = mac(tenantId, userId, expires, fields);
  const given = Buffer.from(match[2], 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
