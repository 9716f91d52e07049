import { platformRoute } from '@/lib/http/route';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';
import { serverMetadataResponse } from '@/lib/oauth/server-metadata';

/** GET /.well-known/oauth-authorization-server (RFC 8414) on a workspace host (proxy.ts rewrites it here). */
export const GET = platformRoute({ ...OAUTH_ENDPOINT, auth: 'none' }, async ({ tenant }) => serverMetadataResponse(tenant));
