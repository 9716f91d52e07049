import { id, workspaceRoute } from '@/lib/http/route';
import { uninstallApp } from '@/lib/marketplace/installations';

/** Uninstalls: the app's grant, tokens and webhook endpoint stop at once; app.uninstalled is sent. */
export const DELETE = workspaceRoute({ permission: 'integrations.manage', params: { installationId: id } }, async ({ tenant, member, params, ip }) => {
  await uninstallApp(tenant, member, params.installationId, ip);
  return new Response(null, { status: 204 });
});
