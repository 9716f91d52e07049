import { oneOf, platformRoute } from '@/lib/http/route';
import { relayCallback } from '@/lib/integrations/oauth-flow';
import { INTEGRATION_IDS } from '@/lib/integrations/registry';

/**
 * The one OAuth redirect URI per provider, on the platform's root domain: relays code and state
 * (or the provider's error) to the workspace host where the member started, whose finish route
 * does the work with their session. Nothing is redeemed here.
 */
export const GET = platformRoute({ host: 'root', auth: 'state', params: { id: oneOf(INTEGRATION_IDS) } }, async ({ params, req }) => {
  return new Response(null, { status: 303, headers: { location: await relayCallback(params.id, req.nextUrl.searchParams), 'cache-control': 'no-store' } });
});
