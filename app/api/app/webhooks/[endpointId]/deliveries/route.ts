import { WebhookDeliveryListQuery } from '@/lib/api/v1/schemas/webhook';
import { id, workspaceRoute } from '@/lib/http/route';
import { listDeliveries } from '@/lib/webhooks/deliveries';

/** ?status=&cursor=&limit= → { data, nextCursor }, newest first. */
export const GET = workspaceRoute(
  { permission: 'integrations.manage', params: { endpointId: id }, query: WebhookDeliveryListQuery },
  async ({ tenant, member, params, query }) => Response.json(await listDeliveries(tenant, member, params.endpointId, query)),
);
