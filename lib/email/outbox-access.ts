import { getCurrentOperator } from '../auth/session.ts';
import { config } from '../config/env.ts';
import { isSmtpConfigured } from './email-config.ts';

function isLocalPlatform(): boolean {
  const host = config.rootDomain.replace(/:\d+$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1';
}

/**
 * The development outbox shows every message, sign-in and invitation links included. It
 * exists only while no SMTP server is configured, and beyond a local set-up only platform
 * operators may read it: a deployment that forgot SMTP_URL must not publish those links.
 */
export async function canReadOutbox(): Promise<boolean> {
  if (isSmtpConfigured()) return false;
  return isLocalPlatform() || (await getCurrentOperator())?.twoFactor === true;
}
