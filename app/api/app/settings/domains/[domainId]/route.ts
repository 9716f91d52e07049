import { id, workspaceRoute } from '@/lib/http/route';
import { removeDomain } from '@/lib/tenancy/domains';

export const DELETE = workspaceRoute({ permission: 'settings.manage', params: { domainId: id } }, async ({ tenant, member, params }) => {
  await removeDomain(tenant.id, params.domainId, { id: member.userId, email: member.email });
  return new Response(null, { status: 204 });
});
