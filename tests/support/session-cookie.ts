import { encode } from 'next-auth/jwt';
import { sessionSecret } from '../../lib/auth/session-secret.ts';

// A browser's session cookie for a user on one host (a tenant's, or the root domain's when
// tenantId is null), made the way next-auth makes it, for tests that call route handlers in
// process.
export async function sessionCookie(userId: string, tenantId: string | null): Promise<string> {
  const token = await encode({ token: { uid: userId, tid: tenantId, sat: Date.now() }, secret: sessionSecret(tenantId ?? 'platform')! });
  return `next-auth.session-token=${token}`;
}
