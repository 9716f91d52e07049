import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { apiRoute } from '@/lib/http/route';
import { replayFailedSince } from '@/lib/webhooks/deliveries';

export const POST = apiRoute(operations.replayWebhookDeliveries, async (ctx) =>
  idempotent(ctx.req, ctx, ctx.rawBody, async () => {
    const { replayed } = await replayFailedSince(ctx.tenant, ctx.principal.member, ctx.params.id, ctx.body);
    return jsonResponse({ replayed });
  }),
);
