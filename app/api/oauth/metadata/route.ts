import { serverMetadataResponse } from '@/lib/oauth/server-metadata';
import { withOAuthHost } from '@/lib/oauth/with-oauth-host';

/** GET /.well-known/oauth-authorization-server (RFC 8414) on a workspace host (proxy.ts rewrites it here). */
export const GET = withOAuthHost(async (_req, tenant) => serverMetadataResponse(tenant));
