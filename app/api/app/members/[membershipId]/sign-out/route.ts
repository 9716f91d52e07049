import { id, workspaceRoute } from '@/lib/http/route';
import { signOutMember } from '@/lib/members/members';

/** "Sign out everywhere": ends every session the member has on this workspace (audited). */
export const POST = workspaceRoute({ permission: 'members.manage', params: { membershipId: id } }, async ({ tenant, member, params, ip }) =>
  Response.json(await signOutMember(tenant, member, params.membershipId, ip)),
);
