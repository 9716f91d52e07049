import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { deleteOAuthApp, getOAuthApp, updateOAuthApp } from '@/lib/oauth/apps';

const PRIVATE = { 'cache-control': 'no-store' };

export const GET = withErrors<Params<'appId'>>(
  withMember<Params<'appId'>>('integrations.manage', async (_req, { tenant, member, params }) =>
    Response.json({ app: await getOAuthApp(tenant, member, (await params).appId) }, { headers: PRIVATE }),
  ),
);

export const PATCH = withErrors<Params<'appId'>>(
  withMember<Params<'appId'>>('integrations.manage', async (req, { tenant, member, params }) =>
    Response.json({ app: await updateOAuthApp(tenant, member, (await params).appId, await readJson(req), clientIp(req.headers)) }, { headers: PRIVATE }),
  ),
);

/** Deleting an app also ends every authorization and token issued to it (the service's rule). */
export const DELETE = withErrors<Params<'appId'>>(
  withMember<Params<'appId'>>('integrations.manage', async (req, { tenant, member, params }) => {
    await deleteOAuthApp(tenant, member, (await params).appId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
