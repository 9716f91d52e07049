import { id, workspaceRoute } from '@/lib/http/route';
import { revokeInvitation } from '@/lib/members/invitations';

export const DELETE = workspaceRoute({ permission: 'members.manage', params: { invitationId: id } }, async ({ tenant, member, params, ip }) => {
  await revokeInvitation(tenant, member, params.invitationId, ip);
  return new Response(null, { status: 204 });
});
