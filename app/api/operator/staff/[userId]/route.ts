import { id, operatorRoute } from '@/lib/http/route';
import { changeStaffRole, removeStaff } from '@/lib/platform/staff';

/** { role }: changes a staff member's role; the last owner stays an owner. */
export const PATCH = operatorRoute({ permission: 'platform:staff', params: { userId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json(await changeStaffRole(operator, params.userId, body, ip)),
);

/** Takes someone off the staff: their console sessions and impersonations end; their account stays. */
export const DELETE = operatorRoute({ permission: 'platform:staff', params: { userId: id } }, async ({ operator, params, ip }) => {
  await removeStaff(operator, params.userId, ip);
  return new Response(null, { status: 204 });
});
