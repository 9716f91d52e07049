import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody } from '@/lib/http/validate';
import { readOptionalBody } from '@/lib/api/v1/request-body';
import { toWebhookEndpointResource, WebhookRotateSecret } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import type { Params } from '@/lib/http/route-params';
import { rotateEndpointSecret } from '@/lib/webhooks/endpoints';

/** A new secret, shown once; the body ({ graceHours }) may be left out. */
export const POST = withApiAuth<Params<'id'>>(operations.rotateWebhookSecret.path, operations.rotateWebhookSecret.scope, async (req, ctx) => {
  const { id } = await ctx.params;
  const body = await readOptionalBody(req);
  return idempotent(
    req,
    ctx,
    body.raw,
    async () => {
      const input = parseBody(WebhookRotateSecret, body.json);
      const { endpoint, secret } = await rotateEndpointSecret(ctx.tenant, ctx.principal.member, id, input);
      return jsonResponse({ ...toWebhookEndpointResource(endpoint), secret });
    },
    { secret: true },
  );
});
