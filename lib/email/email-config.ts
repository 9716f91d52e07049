import { config, env } from '../config/env.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

// Outgoing mail settings. SMTP_URL unset means development: messages stay in the outbox
// (the EmailMessage table) and are read at /dev/outbox on the platform domain.

export function smtpUrl(): string | null {
  return env().SMTP_URL ?? null;
}

export function isSmtpConfigured(): boolean {
  return smtpUrl() !== null;
}

const ADDRESS = /^[^\s@<>"(),;:\\]+@[^\s@<>"(),;:\\]+$/;

/** Local and IP-only platform hosts have no mail domain of their own. */
function defaultMailDomain(): string {
  const host = config.rootDomain.replace(/:\d+$/, '');
  const local = host === 'localhost' || host.endsWith('.localhost') || /^[\d.]+$/.test(host) || host.startsWith('[');
  return local ? 'waypoint.local' : host;
}

/** The sender address: EMAIL_FROM (a bare address or "Name <address>"), else no-reply@<root domain>. */
export function senderAddress(): string {
  const configured = env().EMAIL_FROM;
  if (!configured) return `no-reply@${defaultMailDomain()}`;
  const address = (/<([^>]*)>\s*$/.exec(configured)?.[1] ?? configured).trim();
  if (!ADDRESS.test(address)) throw new Error(`EMAIL_FROM is not an email address: ${JSON.stringify(configured)}`);
  return address;
}

/** The display name people see: the tenant's chosen sender name, else its name. */
export function senderName(tenant: TenantContext | null): string {
  const raw = tenant ? tenant.branding.emailFromName?.trim() || tenant.name : 'Waypoint';
  // A header value: no line breaks or other control characters, and a sane length.
  const clean = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return clean || 'Waypoint';
}

export interface Sender {
  name: string;
  address: string;
}

export function senderFor(tenant: TenantContext | null): Sender {
  return { name: senderName(tenant), address: senderAddress() };
}

/** RFC 5322 form of a sender, as stored with each message: "Name" <address>. */
export function formatSender({ name, address }: Sender): string {
  return `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
}
