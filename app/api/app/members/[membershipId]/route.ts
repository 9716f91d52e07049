import { id, workspaceRoute } from '@/lib/http/route';
import { changeRoleSchema } from '@/lib/members/member-schema';
import { changeRole, removeMember } from '@/lib/members/members';

const params = { membershipId: id };

export const PATCH = workspaceRoute({ permission: 'members.manage', params, body: changeRoleSchema }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await changeRole(tenant, member, params.membershipId, body.role, ip)),
);

export const DELETE = workspaceRoute({ permission: 'members.manage', params }, async ({ tenant, member, params, ip }) => {
  await removeMember(tenant, member, params.membershipId, ip);
  return new Response(null, { status: 204 });
});
