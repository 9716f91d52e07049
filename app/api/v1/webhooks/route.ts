import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody } from '@/lib/http/validate';
import { readBody } from '@/lib/api/v1/request-body';
import { toWebhookEndpointResource, WebhookCreate } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import { createEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';

// The API acts as the key's creator: lib/webhooks/endpoints.ts asks for integrations.manage,
// so even a key with webhooks:manage is 403 once its creator is no longer an admin.

export const GET = withApiAuth(operations.listWebhooks.path, operations.listWebhooks.scope, async (_req, { tenant, principal }) => {
  return jsonResponse({ data: (await listEndpoints(tenant, principal.member)).map(toWebhookEndpointResource), next_cursor: null });
});

/** The answer carries the signing secret, once; a replay (same Idempotency-Key) returns it again, stored encrypted meanwhile. */
export const POST = withApiAuth(operations.createWebhook.path, operations.createWebhook.scope, async (req, ctx) => {
  const body = await readBody(req);
  return idempotent(
    req,
    ctx,
    body.raw,
    async () => {
      const input = parseBody(WebhookCreate, body.json);
      const { endpoint, secret } = await createEndpoint(ctx.tenant, ctx.principal.member, input);
      return jsonResponse({ ...toWebhookEndpointResource(endpoint), secret }, { status: 201 });
    },
    { secret: true },
  );
});
