import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { rotateEndpointSecret } from '@/lib/webhooks/endpoints';

/** New secret (shown once): { endpoint, secret }; the old one keeps signing for graceHours (default 24). */
export const POST = withErrors<Params<'endpointId'>>(
  withMember<Params<'endpointId'>>('integrations.manage', async (req, { tenant, member, params }) => {
    const body = req.headers.get('content-length') === '0' || !req.body ? {} : await readJson(req);
    return Response.json(await rotateEndpointSecret(tenant, member, (await params).endpointId, body), { headers: { 'cache-control': 'no-store' } });
  }),
);
