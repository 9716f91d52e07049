import { handleIntrospectionRequest } from '@/lib/oauth/introspect-endpoint';
import { withOAuthHost } from '@/lib/oauth/with-oauth-host';

/** POST /oauth/introspect (RFC 7662) on a workspace host (proxy.ts rewrites it here). */
export const POST = withOAuthHost(handleIntrospectionRequest);
