import { id, workspaceRoute } from '@/lib/http/route';
import { removeSsoDomain } from '@/lib/sso/sso-domains';

export const DELETE = workspaceRoute({ permission: 'settings.manage', params: { domainId: id } }, async ({ tenant, member, params, ip }) => {
  await removeSsoDomain(tenant.id, params.domainId, { id: member.userId, email: member.email }, ip);
  return new Response(null, { status: 204 });
});
