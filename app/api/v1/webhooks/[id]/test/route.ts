import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody } from '@/lib/http/validate';
import { readOptionalBody } from '@/lib/api/v1/request-body';
import { toWebhookDeliveryResource, WebhookTestEvent } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import type { Params } from '@/lib/http/route-params';
import { sendTestEvent } from '@/lib/webhooks/deliveries';

export const POST = withApiAuth<Params<'id'>>(operations.sendWebhookTest.path, operations.sendWebhookTest.scope, async (req, ctx) => {
  const { id } = await ctx.params;
  const body = await readOptionalBody(req);
  return idempotent(req, ctx, body.raw, async () => {
    const input = parseBody(WebhookTestEvent, body.json);
    return jsonResponse(toWebhookDeliveryResource(await sendTestEvent(ctx.tenant, ctx.principal.member, id, input)), { status: 202 });
  });
});
