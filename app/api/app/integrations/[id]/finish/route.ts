import { AppError } from '@/lib/http/problem';
import { oneOf, workspaceRoute } from '@/lib/http/route';
import { finishConnect } from '@/lib/integrations/oauth-flow';
import { INTEGRATION_IDS } from '@/lib/integrations/registry';

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/**
 * The end of connecting, on the workspace host (the root-domain callback relays here): the same
 * signed-in member redeems the state once, the code is exchanged and the connection saved; back
 * to the integration's page with ?connected=, or ?error= when it cannot be finished. A browser
 * navigation (GET, no Origin): the state, bound to this member and workspace, is the CSRF check.
 */
export const GET = workspaceRoute({ permission: 'workspace.read', params: { id: oneOf(INTEGRATION_IDS) } }, async ({ tenant, member, params, req }) => {
  try {
    return seeOther((await finishConnect({ tenant, member, provider: params.id, query: req.nextUrl.searchParams })).redirectTo);
  } catch (error) {
    if (error instanceof AppError && error.code === 'integration_oauth_failed') return seeOther(`/integrations/${params.id}?error=expired`);
    throw error;
  }
});
