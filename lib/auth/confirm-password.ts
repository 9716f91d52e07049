import { db } from '../db/client.ts';
import { validationFailed } from '../http/problem.ts';
import { verifyPassword } from './password.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';

/**
 * Someone accepting an invitation with an account that already exists proves it is theirs with
 * its password; wrong guesses count toward the sign-in throttle of the place (a workspace, or
 * the platform: tenantId null). A workspace's host never names Waypoint (white label).
 */
export async function confirmAccountPassword(place: { tenantId: string | null; email: string; ip: string | null }, password: string | undefined): Promise<void> {
  if (!password) throw validationFailed({ password: place.tenantId ? 'Enter the password of your account.' : 'Enter the password of your Waypoint account.' });
  await assertNotThrottled(place);
  const user = await db.user.findUnique({ where: { email: place.email }, select: { passwordHash: true } });
  if (!(await verifyPassword(password, user?.passwordHash))) {
    await recordFailure(place);
    throw validationFailed({ password: 'This is not the password of your account.' }, 'Wrong password.');
  }
  await clearFailures(place);
}
