import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseQuery } from '@/lib/http/validate';
import { toWebhookDeliveryResource, WebhookDeliveryListQuery } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import type { Params } from '@/lib/http/route-params';
import { listDeliveries } from '@/lib/webhooks/deliveries';

export const GET = withApiAuth<Params<'id'>>(operations.listWebhookDeliveries.path, operations.listWebhookDeliveries.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  const page = await listDeliveries(tenant, principal.member, id, parseQuery(WebhookDeliveryListQuery, req));
  return jsonResponse({ data: page.data.map(toWebhookDeliveryResource), next_cursor: page.nextCursor });
});
