import { encode } from 'next-auth/jwt';
import { sessionSecret } from '../../lib/auth/session-secret.ts';
import { startSession } from '../../lib/auth/user-sessions.ts';

// A browser's session cookie for a user on one host (a tenant's, or the root domain's when
// tenantId is null), made the way next-auth makes it at sign-in: a server-side session and
// the JWT that names it. For tests that call route handlers in process.
export async function sessionCookie(userId: string, tenantId: string | null): Promise<string> {
  const session = await startSession({ userId, tenantId, method: 'password', ip: '203.0.113.10', userAgent: 'vitest' });
  const token = await encode({ token: { uid: userId, tid: tenantId, sat: session.createdAt.getTime(), sid: session.id }, secret: sessionSecret(tenantId ?? 'platform')! });
  return `next-auth.session-token=${token}`;
}
