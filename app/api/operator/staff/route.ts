import { operatorRoute } from '@/lib/http/route';
import { listStaff } from '@/lib/platform/staff';
import { listStaffInvitations } from '@/lib/platform/staff-invitations';

/** The platform's staff and the pending invitations (platform owners). */
export const GET = operatorRoute({ permission: 'platform:staff' }, async () => {
  const [staff, invitations] = await Promise.all([listStaff(), listStaffInvitations()]);
  return Response.json({ staff, invitations });
});
