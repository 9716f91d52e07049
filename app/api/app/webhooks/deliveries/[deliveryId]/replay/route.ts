import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { replayDelivery } from '@/lib/webhooks/deliveries';

/** One more attempt now; 409 while the delivery is pending. */
export const POST = withErrors<Params<'deliveryId'>>(
  withMember<Params<'deliveryId'>>('integrations.manage', async (_req, { tenant, member, params }) =>
    Response.json({ delivery: await replayDelivery(tenant, member, (await params).deliveryId) }, { status: 202 }),
  ),
);
