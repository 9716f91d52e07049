import { id, workspaceRoute } from '@/lib/http/route';
import { disconnectApp } from '@/lib/oauth/connected-apps';

/** Disconnects an app from the signed-in person's account: its tokens for them stop at once. */
export const DELETE = workspaceRoute({ permission: 'workspace.read', params: { appId: id } }, async ({ tenant, member, params, ip }) => {
  await disconnectApp(tenant, member, params.appId, ip);
  return new Response(null, { status: 204 });
});
