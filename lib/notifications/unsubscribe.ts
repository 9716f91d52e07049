import { createHmac, timingSafeEqual } from 'node:crypto';
import { env, tenantOrigin } from '../config/env.ts';
import { isNotificationType, type NotificationType } from './types.ts';

// One-click unsubscribe (RFC 8058). Every notification email carries
//   List-Unsubscribe: <https://acme.example.com/api/notifications/unsubscribe?u=…&s=…&t=…>
//   List-Unsubscribe-Post: List-Unsubscribe=One-Click
// The URL's token is an HMAC (key derived from NEXTAUTH_SECRET) of the workspace, the member
// and the scope (one type, or all), checked in constant time: a POST to it turns those emails
// off without a session; a GET shows a page that asks first (link scanners open every link).

export type UnsubscribeScope = NotificationType | 'all';

function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: `npm start` generates one into .data/secrets.json; set it explicitly in production.');
  return createHmac('sha256', secret).update('waypoint-unsubscribe').digest();
}

function mac(tenantId: string, userId: string, scope: string): Buffer {
  return createHmac('sha256', key()).update(`${tenantId}\n${userId}\n${scope}`).digest();
}

export function unsubscribeToken(tenantId: string, userId: string, scope: UnsubscribeScope): string {
  return mac(tenantId, userId, scope).toString('base64url');
}

export function isScope(value: string): value is UnsubscribeScope {
  return value === 'all' || isNotificationType(value);
}

/** Whether `token` is this member's token for this scope (constant time). */
export function verifyUnsubscribe(tenantId: string, userId: string, scope: string, token: string): scope is UnsubscribeScope {
  if (!isScope(scope) || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const expected = mac(tenantId, userId, scope);
  const given = Buffer.from(token, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unsubscribeQuery(tenantId: string, userId: string, scope: UnsubscribeScope): string {
  return new URLSearchParams({ u: userId, s: scope, t: unsubscribeToken(tenantId, userId, scope) }).toString();
}

/** The one-click URL (List-Unsubscribe) and the page's URL (the email's footer link). */
export function unsubscribeLinks(tenant: { id: string; slug: string }, userId: string, scope: UnsubscribeScope): { oneClick: string; page: string } {
  const query = unsubscribeQuery(tenant.id, userId, scope);
  const origin = tenantOrigin(tenant.slug);
  return { oneClick: `${origin}/api/notifications/unsubscribe?${query}`, page: `${origin}/unsubscribe?${query}` };
}

/** The RFC 2369 / RFC 8058 headers of a notification email. */
export function unsubscribeHeaders(tenant: { id: string; slug: string }, userId: string, scope: UnsubscribeScope): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeLinks(tenant, userId, scope).oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
