import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookDeliveryDetail } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import type { Params } from '@/lib/http/route-params';
import { getDelivery } from '@/lib/webhooks/deliveries';

export const GET = withApiAuth<Params<'id'>>(operations.getWebhookDelivery.path, operations.getWebhookDelivery.scope, async (_req, { tenant, principal, params }) => {
  const { id } = await params;
  return jsonResponse(toWebhookDeliveryDetail(await getDelivery(tenant, principal.member, id)));
});
