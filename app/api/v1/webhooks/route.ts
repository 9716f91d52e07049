import { idempotent } from '@/lib/api/v1/idempotency';
import { jsonResponse } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookEndpointResource } from '@/lib/api/v1/schemas/webhook';
import { apiRoute } from '@/lib/http/route';
import { createEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';

// The API acts as the key's creator: lib/webhooks/endpoints.ts asks for integrations.manage,
// so even a key with webhooks:manage is 403 once its creator is no longer an admin.

export const GET = apiRoute(operations.listWebhooks, async ({ tenant, principal }) =>
  jsonResponse({ data: (await listEndpoints(tenant, principal.member)).map(toWebhookEndpointResource), next_cursor: null }),
);

/** The answer carries the signing secret, once; a replay (same Idempotency-Key) returns it again, stored encrypted meanwhile. */
export const POST = apiRoute(operations.createWebhook, async (ctx) =>
  idempotent(
    ctx.req,
    ctx,
    ctx.rawBody,
    async () => {
      const { endpoint, secret } = await createEndpoint(ctx.tenant, ctx.principal.member, ctx.body);
      return jsonResponse({ ...toWebhookEndpointResource(endpoint), secret }, { status: 201 });
    },
    { secret: true },
  ),
);
