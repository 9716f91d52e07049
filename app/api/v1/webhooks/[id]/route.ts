import { etaggedResponse } from '@/lib/api/v1/etag';
import { jsonResponse, noContent } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { toWebhookEndpointResource } from '@/lib/api/v1/schemas/webhook';
import { apiRoute } from '@/lib/http/route';
import { deleteEndpoint, getEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';

// Ids of other workspaces are 404: every query is scoped by the key's tenant.

export const GET = apiRoute(operations.getWebhook, async ({ req, tenant, principal, params }) => etaggedResponse(req, toWebhookEndpointResource(await getEndpoint(tenant, principal.member, params.id))));

export const PATCH = apiRoute(operations.updateWebhook, async ({ tenant, principal, params, body }) => jsonResponse(toWebhookEndpointResource(await updateEndpoint(tenant, principal.member, params.id, body))));

export const DELETE = apiRoute(operations.deleteWebhook, async ({ tenant, principal, params }) => {
  await deleteEndpoint(tenant, principal.member, params.id);
  return noContent();
});
