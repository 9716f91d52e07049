import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { formatSender, senderFor, smtpUrl, type Sender } from './email-config.ts';
import { smtpTransport } from './smtp-transport.ts';
import type { EmailContent } from './templates/email-content.ts';
import { logger } from '../observability/logger.ts';
import { isRestricted } from '../privacy/restriction.ts';

export interface OutgoingEmail extends EmailContent {
  /** The tenant whose brand and sender name the message carries; null for platform mail. */
  tenant: TenantContext | null;
  to: string;
  /** What the message is, for the outbox and for rate limits: invitation, magic_link, … */
  kind: string;
  /** Extra headers for the SMTP message (List-Unsubscribe…); the outbox keeps the body only. */
  headers?: Record<string, string>;
}

/** outbox: kept for /dev/outbox (no SMTP_URL); sent: accepted by the SMTP server; failed: see error; suppressed: not sent (the person asked for processing to stop). */
export type Delivery = 'outbox' | 'sent' | 'failed' | 'suppressed';

export interface SentEmail {
  id: string;
  delivery: Delivery;
  error: string | null;
}

const SIMPLE_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/;

interface StoredEmail {
  id: string;
  kind: string;
  /** Null: no SMTP server configured, the message stays in the outbox. */
  smtpUrl: string | null;
  message: { from: Sender; to: string; subject: string; html: string; text: string; headers?: Record<string, string> };
}

/** Every message is on record in EmailMessage before any attempt to send it. */
async function store(email: OutgoingEmail): Promise<StoredEmail> {
  const to = email.to.trim().toLowerCase();
  // Recipients come from validated records; anything else is a bug, not a user error.
  if (!SIMPLE_ADDRESS.test(to)) throw new Error(`sendEmail: not a single email address: ${JSON.stringify(email.to)}`);
  const from = senderFor(email.tenant);
  const url = smtpUrl();
  const subject = email.subject.replace(/[\r\n]+/g, ' ').trim();
  // Platform mail has no tenant, so this table is written with the platform client.
  const { id } = await db.emailMessage.create({
    data: { tenantId: email.tenant?.id ?? null, to, from: formatSender(from), subject, html: email.html, text: email.text, kind: email.kind, transport: url ? 'smtp' : 'outbox' },
    select: { id: true },
  });
  return { id, kind: email.kind, smtpUrl: url, message: { from, to, subject, html: email.html, text: email.text, ...(email.headers ? { headers: email.headers } : {}) } };
}

/**
 * Messages whose links sign someone in or let them in (sign-in links, password resets, sign-up
 * confirmations, invitations): once handed to the SMTP server (or refused by it), the copy we
 * keep loses those links, so the table never holds a live credential. Without SMTP the outbox
 * is the delivery (development), so the link stays for the person to follow.
 */
const LIVE_LINK_KINDS = new Set(['magic_link', 'password_reset', 'signup', 'invitation', 'reseller_invitation', 'partner_application', 'partner_invitation', 'staff_invitation']);
// A link with a long opaque part (a token in its path or query).
const LIVE_LINK = /https?:\/\/[^\s"'<>]*[A-Za-z0-9_-]{20,}[^\s"'<>]*/g;
export const LINK_REMOVED = '[link removed once sent]';

export function withoutLiveLinks(body: string): string {
  return body.replace(LIVE_LINK, LINK_REMOVED);
}

function keptCopy(kind: string, message: StoredEmail['message']): { html?: string; text?: string } {
  return LIVE_LINK_KINDS.has(kind) ? { html: withoutLiveLinks(message.html), text: withoutLiveLinks(message.text) } : {};
}

/** Hands a stored message to the SMTP server and records the outcome on it; never throws for a delivery failure. */
async function deliver({ id, kind, smtpUrl: url, message }: StoredEmail): Promise<SentEmail> {
  if (!url) return { id, delivery: 'outbox', error: null };
  try {
    await smtpTransport(url).sendMail(message);
    await db.emailMessage.update({ where: { id }, data: { sentAt: new Date(), ...keptCopy(kind, message) } });
    return { id, delivery: 'sent', error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger().error({ err: error, emailId: id, kind }, 'email: could not send');
    await db.emailMessage.update({ where: { id }, data: { error: reason.slice(0, 1000), ...keptCopy(kind, message) } });
    return { id, delivery: 'failed', error: reason };
  }
}

/**
 * Stores the message, then sends it when SMTP_URL is set and waits for the outcome. A delivery
 * failure is recorded on the message and returned, never thrown: the change that triggered
 * the email has happened.
 */
export async function sendEmail(email: OutgoingEmail): Promise<SentEmail> {
  if (await isRestricted({ email: email.to })) return { id: '', delivery: 'suppressed', error: null };
  return deliver(await store(email));
}

/**
 * Stores the message and sends it in the background, for answers whose timing must not
 * depend on the mail server (e.g. a sign-in link that only members receive).
 */
export async function queueEmail(email: OutgoingEmail): Promise<string | null> {
  if (await isRestricted({ email: email.to })) return null;
  const stored = await store(email);
  deliver(stored).catch((error: unknown) => logger().error({ err: error, emailId: stored.id }, 'email: could not record the delivery'));
  return stored.id;
}
