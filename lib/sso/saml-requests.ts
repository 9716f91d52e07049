import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import { REQUEST_TTL_MS } from './saml-sp.ts';

// SP-initiated sign-ins in progress (SamlRequest). The RelayState the IdP carries is the row's
// random id, and the browser that started the sign-in gets a cookie whose hash the row keeps:
// the IdP's answer is only turned into a session in that browser (login CSRF), on the
// workspace's host where the cookie lives (the ACS, on the root domain, cannot see it).

const COOKIE_PREFIX = 'wp_saml_';
export const COMPLETE_PATH = '/api/sso/complete';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function cookieName(relayState: string): string {
  return `${COOKIE_PREFIX}${relayState}`;
}

/** The Set-Cookie for the browser that starts the sign-in (host-only, for the completion route only). */
export function bindingCookie(relayState: string, value: string | null): string {
  const attributes = [`Path=${COMPLETE_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${value ? Math.floor(REQUEST_TTL_MS / 1000) : 0}`, ...(config.secureCookies ? ['Secure'] : [])];
  return `${cookieName(relayState)}=${value ?? ''}; ${attributes.join('; ')}`;
}

export interface NewRequest {
  tenantId: string;
  connectionId: string;
  origin: string;
  next: string;
  test?: boolean;
}

/** A fresh relay state and browser secret, before the AuthnRequest exists. */
export function newBinding(): { relayState: string; secret: string } {
  return { relayState: randomBytes(18).toString('base64url'), secret: randomBytes(32).toString('base64url') };
}

export async function saveRequest(input: NewRequest, binding: { relayState: string; secret: string }, requestId: string): Promise<void> {
  await db.samlRequest.create({
    data: { id: binding.relayState, requestId, browserHash: sha256(binding.secret), expiresAt: new Date(Date.now() + REQUEST_TTL_MS), ...input, test: input.test ?? false },
  });
  // Now and then, forget sign-ins that were abandoned at the IdP.
  if (Math.random() < 0.01) await db.samlRequest.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

/** The sign-in in progress that a response with this InResponseTo answers (not yet answered, not expired). */
export async function pendingRequest(requestId: string) {
  return db.samlRequest.findFirst({ where: { requestId, profile: { equals: Prisma.DbNull }, expiresAt: { gt: new Date() } }, include: { connection: true } });
}

/** Whether a RelayState names a sign-in started here that is still waiting for its answer. */
export async function isPendingRelayState(relayState: string): Promise<boolean> {
  if (!relayState || relayState.length > 64) return false;
  return (await db.samlRequest.count({ where: { id: relayState, profile: { equals: Prisma.DbNull }, expiresAt: { gt: new Date() } } })) > 0;
}

/** Records the verified person on the request; false when another response answered it first. */
export async function answerRequest(relayState: string, profile: Prisma.InputJsonValue): Promise<boolean> {
  const { count } = await db.samlRequest.updateMany({ where: { id: relayState, profile: { equals: Prisma.DbNull }, expiresAt: { gt: new Date() } }, data: { profile } });
  return count === 1;
}

/** Takes the answered request if this browser holds its cookie (once: the row is deleted). */
export async function takeAnsweredRequest(tenantId: string, relayState: string, secret: string | undefined) {
  const row = await db.samlRequest.findFirst({ where: { id: relayState, tenantId, expiresAt: { gt: new Date() } } });
  if (!row || row.profile === null || !secret) return null;
  const expected = Buffer.from(row.browserHash, 'hex');
  const given = Buffer.from(sha256(secret), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const { count } = await db.samlRequest.deleteMany({ where: { id: row.id } });
  return count === 1 ? row : null;
}
