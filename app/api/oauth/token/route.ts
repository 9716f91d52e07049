import { handleTokenRequest } from '@/lib/oauth/token-endpoint';
import { withOAuthHost } from '@/lib/oauth/with-oauth-host';

/** POST /oauth/token on a workspace host (proxy.ts rewrites it here). */
export const POST = withOAuthHost(handleTokenRequest);
