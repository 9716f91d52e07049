import { WebhookDeliveryListQuery } from '@/lib/api/v1/schemas/webhook';
import { parseInput } from '@/lib/http/problem';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { listDeliveries } from '@/lib/webhooks/deliveries';

/** ?status=&cursor=&limit= → { data, nextCursor }, newest first. */
export const GET = withErrors<Params<'endpointId'>>(
  withMember<Params<'endpointId'>>('integrations.manage', async (req, { tenant, member, params }) => {
    const query = parseInput(WebhookDeliveryListQuery, Object.fromEntries(req.nextUrl.searchParams));
    return Response.json(await listDeliveries(tenant, member, (await params).endpointId, query), { headers: { 'cache-control': 'no-store' } });
  }),
);
