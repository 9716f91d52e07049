import { platformRoute } from '@/lib/http/route';
import { handleIntrospectionRequest } from '@/lib/oauth/introspect-endpoint';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';

/** POST /oauth/introspect (RFC 7662) on a workspace host (proxy.ts rewrites it here). */
export const POST = platformRoute(OAUTH_ENDPOINT, ({ req, tenant }) => handleIntrospectionRequest(req, tenant));
