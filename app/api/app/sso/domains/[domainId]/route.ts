import { id, workspaceRoute } from '@/lib/http/route';
import { removeSsoDomain, updateSsoDomain } from '@/lib/sso/sso-domains';

/** { connectionId?: string | null, requireSso?: boolean }: the domain's connection and its "Require SSO". */
export const PATCH = workspaceRoute({ permission: 'settings.manage', feature: 'sso', params: { domainId: id }, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await updateSsoDomain(tenant, member, params.domainId, body, ip)),
);

export const DELETE = workspaceRoute({ permission: 'settings.manage', params: { domainId: id } }, async ({ tenant, member, params, ip }) => {
  await removeSsoDomain(tenant.id, params.domainId, { id: member.userId, email: member.email }, ip);
  return new Response(null, { status: 204 });
});
