import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody } from '@/lib/http/validate';
import { readBody } from '@/lib/api/v1/request-body';
import { WebhookReplay } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import type { Params } from '@/lib/http/route-params';
import { replayFailedSince } from '@/lib/webhooks/deliveries';

export const POST = withApiAuth<Params<'id'>>(operations.replayWebhookDeliveries.path, operations.replayWebhookDeliveries.scope, async (req, ctx) => {
  const { id } = await ctx.params;
  const body = await readBody(req);
  return idempotent(req, ctx, body.raw, async () => {
    const input = parseBody(WebhookReplay, body.json);
    const { replayed } = await replayFailedSince(ctx.tenant, ctx.principal.member, id, input);
    return jsonResponse({ replayed });
  });
});
