import { platformRoute } from '@/lib/http/route';
import { postOnly } from '@/lib/oauth/oauth-errors';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';
import { handleTokenRequest } from '@/lib/oauth/token-endpoint';

/** POST /oauth/token on a workspace host (proxy.ts rewrites it here). */
export const POST = platformRoute(OAUTH_ENDPOINT, ({ req, tenant }) => handleTokenRequest(req, tenant));

/** Other methods: 405 with Allow: POST and an RFC 6749 error body. */
export const GET = platformRoute(OAUTH_ENDPOINT, async () => postOnly());
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
