import { id, workspaceRoute } from '@/lib/http/route';
import { deleteSsoConnection, updateSsoConnection } from '@/lib/sso/sso-connections';

export const runtime = 'nodejs';

export const DELETE = workspaceRoute({ permission: 'settings.manage', params: { connectionId: id } }, async ({ tenant, member, params, ip }) => {
  await deleteSsoConnection(tenant, member, params.connectionId, ip);
  return new Response(null, { status: 204 });
});

/** { idpInitiated }: accept sign-in started from the IdP's dashboard (off by default). */
export const PATCH = workspaceRoute({ permission: 'settings.manage', params: { connectionId: id }, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await updateSsoConnection(tenant, member, params.connectionId, body, ip)),
);
