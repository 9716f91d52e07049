import { env } from '../config/env.ts';

// Who processes personal data on the platform's behalf, and which of them this instance uses
// (README › Privacy and retention; the public page /legal/subprocessors). Each is in use only
// when configured: a self-hosted instance with the embedded defaults sends nothing anywhere.

export interface Subprocessor {
  /** The page's words for it (messages/<language>/publicPages.json: legal.services.<id>). */
  id: 'stripe' | 'smtp' | 'redis' | 'inngest' | 'google' | 'microsoft' | 'slack';
  name: string;
  purpose: string;
  data: string;
  /** Whether this instance is configured to use it. */
  inUse: boolean;
}

export function subprocessors(source = env()): Subprocessor[] {
  return [
    { id: 'stripe', name: 'Stripe', purpose: 'Subscriptions, invoices and payouts', data: 'Workspace name, billing email and address, payment details (held by Stripe)', inUse: Boolean(source.STRIPE_SECRET_KEY) },
    { id: 'smtp', name: 'Your SMTP provider', purpose: 'Sending email (invitations, sign-in links, notifications)', data: 'Recipient address and the message', inUse: Boolean(source.SMTP_URL) },
    { id: 'redis', name: 'Upstash (or your Redis)', purpose: 'Rate limits and shared caches', data: 'API key ids and IP addresses, for minutes', inUse: Boolean(source.REDIS_URL || source.UPSTASH_REDIS_REST_URL) },
    { id: 'inngest', name: 'Inngest', purpose: 'Background jobs', data: 'Job payloads (ids, not content)', inUse: Boolean(source.INNGEST_EVENT_KEY) },
    { id: 'google', name: 'Google', purpose: 'Google Calendar, when a member connects it', data: 'Goal and habit titles and dates synced to their calendar', inUse: Boolean(source.GOOGLE_CLIENT_ID) },
    { id: 'microsoft', name: 'Microsoft', purpose: 'Outlook Calendar and Teams, when a member or admin connects them', data: 'Goal and habit titles and dates; team notices', inUse: Boolean(source.MICROSOFT_CLIENT_ID) },
    { id: 'slack', name: 'Slack', purpose: 'Slack notices, when an admin connects it', data: 'Team notices (goal titles, member names)', inUse: Boolean(source.SLACK_CLIENT_ID) },
  ];
}

export interface CookieUse {
  /** The page's words for it (messages/<language>/publicPages.json: legal.cookiePurposes.<id>). */
  id: 'session' | 'csrf' | 'callback' | 'saml';
  name: string;
  purpose: string;
}

/**
 * Every cookie Waypoint sets. All are strictly necessary (signing in, protecting forms, a SAML
 * sign-in in progress), so no consent banner is shown; tests/e2e/privacy.spec.ts checks that a
 * signed-in browser holds no other. A feature that adds an optional cookie (analytics,
 * preferences) must add consent first.
 */
export const COOKIES: CookieUse[] = [
  { id: 'session', name: 'next-auth.session-token', purpose: 'Keeps you signed in on this address (host-only, HttpOnly).' },
  { id: 'csrf', name: 'next-auth.csrf-token', purpose: 'Protects the sign-in and sign-out forms.' },
  { id: 'callback', name: 'next-auth.callback-url', purpose: 'Where to return after signing in.' },
  { id: 'saml', name: 'wp_saml_*', purpose: 'Binds a single sign-on attempt to the browser that started it (10 minutes).' },
];

/** A cookie's name matches the list (the __Secure- / __Host- prefixes of HTTPS included). */
export function isDocumentedCookie(name: string): boolean {
  const bare = name.replace(/^__(Secure|Host)-/, '');
  return COOKIES.some((cookie) => (cookie.name.endsWith('*') ? bare.startsWith(cookie.name.slice(0, -1)) : bare === cookie.name));
}
