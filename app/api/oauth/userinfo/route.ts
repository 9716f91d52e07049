import { platformRoute } from '@/lib/http/route';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';
import { handleUserinfoRequest } from '@/lib/oauth/userinfo-endpoint';

/** GET/POST /oauth/userinfo (OpenID Connect) on a workspace host (proxy.ts rewrites it here). */
export const GET = platformRoute({ ...OAUTH_ENDPOINT, auth: 'bearer' }, ({ req, tenant }) => handleUserinfoRequest(req, tenant));
export const POST = GET;
