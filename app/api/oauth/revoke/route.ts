import { handleRevocationRequest } from '@/lib/oauth/revoke-endpoint';
import { withOAuthHost } from '@/lib/oauth/with-oauth-host';

/** POST /oauth/revoke (RFC 7009) on a workspace host (proxy.ts rewrites it here). */
export const POST = withOAuthHost(handleRevocationRequest);
