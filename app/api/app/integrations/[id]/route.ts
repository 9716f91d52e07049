import { installIntegration, uninstallIntegration } from '@/lib/integrations/installations';
import { INTEGRATION_IDS } from '@/lib/integrations/registry';
import { oneOf, workspaceRoute } from '@/lib/http/route';

const params = { id: oneOf(INTEGRATION_IDS) };

/** Installs a built-in integration for the workspace (admins; 409 when this installation lacks its credentials). */
export const POST = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params, ip }) => {
  const installation = await installIntegration(tenant, member, params.id, { ip });
  return Response.json({ installation: { id: installation.id, provider: installation.provider, installedAt: installation.installedAt.toISOString() } }, { status: 201 });
});

/** Uninstalls it: every connection is disconnected and revoked at the provider. */
export const DELETE = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params, ip }) => {
  const { disconnected } = await uninstallIntegration(tenant, member, params.id, { ip });
  return Response.json({ disconnected });
});
