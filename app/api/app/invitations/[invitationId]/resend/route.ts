import { id, workspaceRoute } from '@/lib/http/route';
import { resendInvitation } from '@/lib/members/invitations';

/** A new link (the old one stops working) and a fresh 7 days; at most once a minute. */
export const POST = workspaceRoute({ permission: 'members.manage', params: { invitationId: id } }, async ({ tenant, member, params, ip }) =>
  Response.json(await resendInvitation(tenant, member, params.invitationId, ip)),
);
