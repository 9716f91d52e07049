import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookDeliveryDetail } from '@/lib/api/v1/schemas/webhook';
import { apiRoute } from '@/lib/http/route';
import { getDelivery } from '@/lib/webhooks/deliveries';

export const GET = apiRoute(operations.getWebhookDelivery, async ({ tenant, principal, params }) => jsonResponse(toWebhookDeliveryDetail(await getDelivery(tenant, principal.member, params.id))));
