import { workspaceRoute } from '@/lib/http/route';
import { transferOwnershipSchema } from '@/lib/members/member-schema';
import { transferOwnership } from '@/lib/members/members';

export const POST = workspaceRoute({ permission: 'owners.manage', body: transferOwnershipSchema }, async ({ tenant, member, body, ip }) => {
  await transferOwnership(tenant, member, body.membershipId, ip);
  return new Response(null, { status: 204 });
});
