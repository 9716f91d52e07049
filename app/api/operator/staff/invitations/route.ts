import { operatorRoute } from '@/lib/http/route';
import { inviteStaff } from '@/lib/platform/staff-invitations';

/** { email, role }: invites someone to the staff by email (platform owners). */
export const POST = operatorRoute({ permission: 'platform:staff', body: 'json' }, async ({ operator, body, ip }) => Response.json(await inviteStaff(operator, body, ip), { status: 201 }));
