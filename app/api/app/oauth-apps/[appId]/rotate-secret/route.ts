import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { rotateOAuthClientSecret } from '@/lib/oauth/apps';

/** A new client secret for a confidential app, shown once: { app, clientSecret }. The old one stops working at once. */
export const POST = withErrors<Params<'appId'>>(
  withMember<Params<'appId'>>('integrations.manage', async (req, { tenant, member, params }) =>
    Response.json(await rotateOAuthClientSecret(tenant, member, (await params).appId, clientIp(req.headers)), { headers: { 'cache-control': 'no-store' } }),
  ),
);
