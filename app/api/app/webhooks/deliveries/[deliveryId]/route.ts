import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { getDelivery } from '@/lib/webhooks/deliveries';

/** One delivery with its payload (the receiver's answer in it is untrusted text). */
export const GET = withErrors<Params<'deliveryId'>>(
  withMember<Params<'deliveryId'>>('integrations.manage', async (_req, { tenant, member, params }) =>
    Response.json({ delivery: await getDelivery(tenant, member, (await params).deliveryId) }, { headers: { 'cache-control': 'no-store' } }),
  ),
);
