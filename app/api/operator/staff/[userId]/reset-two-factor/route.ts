import { id, operatorRoute } from '@/lib/http/route';
import { resetStaffTwoFactor } from '@/lib/platform/staff';

/** Turns a staff member's lost 2FA off (they add a new one at their next sign-in); not one's own. */
export const POST = operatorRoute({ permission: 'platform:staff', params: { userId: id } }, async ({ operator, params, ip }) => {
  await resetStaffTwoFactor(operator, params.userId, ip);
  return new Response(null, { status: 204 });
});
