import { platformRoute } from '@/lib/http/route';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';
import { serverMetadataResponse } from '@/lib/oauth/server-metadata';

/** GET /.well-known/openid-configuration (OpenID Connect Discovery) on a workspace host (proxy.ts rewrites it here). */
export const GET = platformRoute({ ...OAUTH_ENDPOINT, auth: 'none' }, async ({ tenant }) => serverMetadataResponse(tenant));
