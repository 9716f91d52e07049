import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookDeliveryResource } from '@/lib/api/v1/schemas/webhook';
import { apiRoute } from '@/lib/http/route';
import { replayDelivery } from '@/lib/webhooks/deliveries';

/** No body. 409 while the delivery is still pending. */
export const POST = apiRoute(operations.replayWebhookDelivery, async ({ tenant, principal, params }) =>
  jsonResponse(toWebhookDeliveryResource(await replayDelivery(tenant, principal.member, params.id)), { status: 202 }),
);
