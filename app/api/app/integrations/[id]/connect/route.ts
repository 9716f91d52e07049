import { config } from '@/lib/config/env';
import { startConnect } from '@/lib/integrations/oauth-flow';
import { INTEGRATION_IDS } from '@/lib/integrations/registry';
import { oneOf, workspaceRoute } from '@/lib/http/route';

/**
 * Starts connecting the member's account (or, for Slack, the workspace's: admins only): answers
 * the provider's consent URL for the page to open. The flow comes back to the integration's page.
 */
export const POST = workspaceRoute({ permission: 'workspace.read', params: { id: oneOf(INTEGRATION_IDS) } }, async ({ req, tenant, member, params }) => {
  // The host this request came in on resolved to this workspace (proxy.ts): its subdomain or
  // custom domain, where the member's session cookie lives, so the flow finishes there.
  const origin = `${config.scheme}://${req.headers.get('host') ?? req.nextUrl.host}`;
  const url = await startConnect({ tenant, member, provider: params.id, origin, returnPath: `/integrations/${params.id}` });
  return Response.json({ url });
});
