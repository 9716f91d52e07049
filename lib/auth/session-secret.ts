import { createHmac } from 'node:crypto';
import { env } from '../config/env.ts';

/**
 * Each tenant (and the platform) encrypts its session cookies with its own key derived from
 * NEXTAUTH_SECRET, so a session cookie replayed on another tenant's host cannot be read.
 */
export function sessionSecret(scope: string): string | undefined {
  const base = env().NEXTAUTH_SECRET;
  return base ? createHmac('sha256', base).update(`waypoint-session:${scope}`).digest('base64url') : undefined;
}
