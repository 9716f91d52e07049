import { platformRoute } from '@/lib/http/route';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';
import { handleTokenRequest } from '@/lib/oauth/token-endpoint';

/** POST /oauth/token on a workspace host (proxy.ts rewrites it here). */
export const POST = platformRoute(OAUTH_ENDPOINT, ({ req, tenant }) => handleTokenRequest(req, tenant));
