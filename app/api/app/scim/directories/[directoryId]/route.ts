import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { deleteDirectory, getDirectory } from '@/lib/scim/directories';

/** The directory with the users and groups it synced. */
export const GET = withErrors<Params<'directoryId'>>(
  withMember<Params<'directoryId'>>('integrations.manage', async (_req, { tenant, member, params }) =>
    Response.json(await getDirectory(tenant, member, (await params).directoryId), { headers: { 'cache-control': 'no-store' } }),
  ),
);

export const DELETE = withErrors<Params<'directoryId'>>(
  withMember<Params<'directoryId'>>('integrations.manage', async (req, { tenant, member, params }) => {
    await deleteDirectory(tenant, member, (await params).directoryId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
