import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookDeliveryResource } from '@/lib/api/v1/schemas/webhook';
import { apiRoute } from '@/lib/http/route';
import { sendTestEvent } from '@/lib/webhooks/deliveries';

export const POST = apiRoute(operations.sendWebhookTest, async (ctx) =>
  idempotent(ctx.req, ctx, ctx.rawBody, async () => jsonResponse(toWebhookDeliveryResource(await sendTestEvent(ctx.tenant, ctx.principal.member, ctx.params.id, ctx.body)), { status: 202 })),
);
