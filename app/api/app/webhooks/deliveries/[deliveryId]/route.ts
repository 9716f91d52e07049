import { id, workspaceRoute } from '@/lib/http/route';
import { getDelivery } from '@/lib/webhooks/deliveries';

/** One delivery with its payload (the receiver's answer in it is untrusted text). */
export const GET = workspaceRoute({ permission: 'integrations.manage', params: { deliveryId: id } }, async ({ tenant, member, params }) =>
  Response.json({ delivery: await getDelivery(tenant, member, params.deliveryId) }),
);
