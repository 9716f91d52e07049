import { id, operatorRoute } from '@/lib/http/route';
import { revokeStaffInvitation } from '@/lib/platform/staff-invitations';

/** Withdraws a pending invitation: its link stops working. */
export const DELETE = operatorRoute({ permission: 'platform:staff', params: { invitationId: id } }, async ({ operator, params, ip }) => {
  await revokeStaffInvitation(operator, params.invitationId, ip);
  return new Response(null, { status: 204 });
});
