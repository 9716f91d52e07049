import { id, workspaceRoute } from '@/lib/http/route';
import { revokeGrant } from '@/lib/oauth/grants';

/** Revokes the authorization: its access and refresh tokens stop working at once. */
export const DELETE = workspaceRoute({ permission: 'integrations.manage', params: { grantId: id } }, async ({ tenant, member, params, ip }) => {
  await revokeGrant(tenant, member, params.grantId, ip);
  return new Response(null, { status: 204 });
});
