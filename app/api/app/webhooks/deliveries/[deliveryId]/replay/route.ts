import { id, workspaceRoute } from '@/lib/http/route';
import { replayDelivery } from '@/lib/webhooks/deliveries';

/** One more attempt now; 409 while the delivery is pending. */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { deliveryId: id } }, async ({ tenant, member, params }) =>
  Response.json({ delivery: await replayDelivery(tenant, member, params.deliveryId) }, { status: 202 }),
);
