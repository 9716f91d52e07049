import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { deleteEndpoint, getEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';

const PRIVATE = { 'cache-control': 'no-store' };

export const GET = withErrors<Params<'endpointId'>>(
  withMember<Params<'endpointId'>>('integrations.manage', async (_req, { tenant, member, params }) =>
    Response.json({ endpoint: await getEndpoint(tenant, member, (await params).endpointId) }, { headers: PRIVATE }),
  ),
);

export const PATCH = withErrors<Params<'endpointId'>>(
  withMember<Params<'endpointId'>>('integrations.manage', async (req, { tenant, member, params }) =>
    Response.json({ endpoint: await updateEndpoint(tenant, member, (await params).endpointId, await readJson(req)) }, { headers: PRIVATE }),
  ),
);

export const DELETE = withErrors<Params<'endpointId'>>(
  withMember<Params<'endpointId'>>('integrations.manage', async (_req, { tenant, member, params }) => {
    await deleteEndpoint(tenant, member, (await params).endpointId);
    return new Response(null, { status: 204 });
  }),
);
