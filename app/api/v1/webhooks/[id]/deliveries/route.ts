import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookDeliveryResource } from '@/lib/api/v1/schemas/webhook';
import { apiRoute } from '@/lib/http/route';
import { listDeliveries } from '@/lib/webhooks/deliveries';

export const GET = apiRoute(operations.listWebhookDeliveries, async ({ tenant, principal, params, query }) => {
  const page = await listDeliveries(tenant, principal.member, params.id, query);
  return jsonResponse({ data: page.data.map(toWebhookDeliveryResource), next_cursor: page.nextCursor });
});
