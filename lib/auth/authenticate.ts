import { z } from 'zod';
import { db } from '../db/client.ts';
import { AppError } from '../http/problem.ts';
import { verifyPassword } from './password.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
});

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * Email + password sign-in on one tenant (tenantId) or on the platform (null, operators
 * only). Returns null for wrong credentials and for users without access, with the same
 * message either way; throws a 429 AppError when throttled.
 */
export async function authenticate(input: unknown, tenantId: string | null, ip: string): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const key = { tenantId, email, ip };
  await assertNotThrottled(key);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, isPlatformAdmin: true, memberships: tenantId ? { where: { tenantId }, select: { id: true } } : false },
  });
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  const hasAccess = !!user && (tenantId ? user.memberships.length > 0 : user.isPlatformAdmin);
  if (!user || !passwordOk || !hasAccess) {
    await recordFailure(key);
    return null;
  }
  await clearFailures(key);
  return { id: user.id, email: user.email, name: user.name };
}

export function isThrottleError(error: unknown): error is AppError {
  return error instanceof AppError && error.status === 429;
}
