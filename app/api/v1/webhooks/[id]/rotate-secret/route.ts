import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookEndpointResource } from '@/lib/api/v1/schemas/webhook';
import { apiRoute } from '@/lib/http/route';
import { rotateEndpointSecret } from '@/lib/webhooks/endpoints';

/** A new secret, shown once; the body ({ graceHours }) may be left out. */
export const POST = apiRoute(operations.rotateWebhookSecret, async (ctx) =>
  idempotent(
    ctx.req,
    ctx,
    ctx.rawBody,
    async () => {
      const { endpoint, secret } = await rotateEndpointSecret(ctx.tenant, ctx.principal.member, ctx.params.id, ctx.body);
      return jsonResponse({ ...toWebhookEndpointResource(endpoint), secret });
    },
    { secret: true },
  ),
);
