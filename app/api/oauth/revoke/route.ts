import { platformRoute } from '@/lib/http/route';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';
import { handleRevocationRequest } from '@/lib/oauth/revoke-endpoint';

/** POST /oauth/revoke (RFC 7009) on a workspace host (proxy.ts rewrites it here). */
export const POST = platformRoute(OAUTH_ENDPOINT, ({ req, tenant }) => handleRevocationRequest(req, tenant));
