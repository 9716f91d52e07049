import { platformRoute } from '@/lib/http/route';
import { handleIntrospectionRequest } from '@/lib/oauth/introspect-endpoint';
import { postOnly } from '@/lib/oauth/oauth-errors';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';

/** POST /oauth/introspect (RFC 7662) on a workspace host (proxy.ts rewrites it here). */
export const POST = platformRoute(OAUTH_ENDPOINT, ({ req, tenant }) => handleIntrospectionRequest(req, tenant));

/** Other methods: 405 with Allow: POST and an RFC 6749 error body. */
export const GET = platformRoute(OAUTH_ENDPOINT, async () => postOnly());
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
