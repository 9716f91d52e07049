import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookDeliveryResource } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import type { Params } from '@/lib/http/route-params';
import { replayDelivery } from '@/lib/webhooks/deliveries';

/** No body. 409 while the delivery is still pending. */
export const POST = withApiAuth<Params<'id'>>(operations.replayWebhookDelivery.path, operations.replayWebhookDelivery.scope, async (_req, { tenant, principal, params }) => {
  const { id } = await params;
  return jsonResponse(toWebhookDeliveryResource(await replayDelivery(tenant, principal.member, id)), { status: 202 });
});
