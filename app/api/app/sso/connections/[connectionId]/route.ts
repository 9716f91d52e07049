import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { deleteSsoConnection } from '@/lib/sso/sso-connections';

export const runtime = 'nodejs';

export const DELETE = withErrors<Params<'connectionId'>>(
  withMember<Params<'connectionId'>>('settings.manage', async (req, { tenant, member, params }) => {
    await deleteSsoConnection(tenant, member, (await params).connectionId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
