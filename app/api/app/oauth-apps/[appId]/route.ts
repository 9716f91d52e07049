import { id, workspaceRoute } from '@/lib/http/route';
import { deleteOAuthApp, getOAuthApp, updateOAuthApp } from '@/lib/oauth/apps';

const params = { appId: id };

export const GET = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params }) =>
  Response.json({ app: await getOAuthApp(tenant, member, params.appId) }),
);

export const PATCH = workspaceRoute({ permission: 'integrations.manage', params, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json({ app: await updateOAuthApp(tenant, member, params.appId, body, ip) }),
);

/** Deleting an app also ends every authorization and token issued to it (the service's rule). */
export const DELETE = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params, ip }) => {
  await deleteOAuthApp(tenant, member, params.appId, ip);
  return new Response(null, { status: 204 });
});
