import { platformRoute } from '@/lib/http/route';
import { OAUTH_ENDPOINT } from '@/lib/oauth/oauth-route';
import { publishedKeys } from '@/lib/oauth/signing-keys';

/** GET /oauth/jwks: the keys that verify the workspace's ID tokens (proxy.ts rewrites it here). */
export const GET = platformRoute({ ...OAUTH_ENDPOINT, auth: 'none' }, async ({ tenant }) =>
  Response.json(await publishedKeys(tenant.id), { headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' } }),
);
