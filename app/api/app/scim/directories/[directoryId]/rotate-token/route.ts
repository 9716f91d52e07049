import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { rotateDirectoryToken } from '@/lib/scim/directories';

/** A new bearer token, shown once: { directory, token }. The old token stops working at once. */
export const POST = withErrors<Params<'directoryId'>>(
  withMember<Params<'directoryId'>>('integrations.manage', async (req, { tenant, member, params }) =>
    Response.json(await rotateDirectoryToken(tenant, member, (await params).directoryId, clientIp(req.headers)), { headers: { 'cache-control': 'no-store' } }),
  ),
);
