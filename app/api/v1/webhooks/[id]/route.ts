import { etaggedResponse } from '@/lib/api/v1/etag';
import { jsonResponse, noContent } from '@/lib/api/v1/json-response';
import { operations } from '@/lib/api/v1/operations';
import { parseBody } from '@/lib/http/validate';
import { readBody } from '@/lib/api/v1/request-body';
import { toWebhookEndpointResource, WebhookUpdate } from '@/lib/api/v1/schemas/webhook';
import { withApiAuth } from '@/lib/api/with-api-auth';
import type { Params } from '@/lib/http/route-params';
import { deleteEndpoint, getEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';

// Ids of other workspaces are 404: every query is scoped by the key's tenant.

export const GET = withApiAuth<Params<'id'>>(operations.getWebhook.path, operations.getWebhook.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  return etaggedResponse(req, toWebhookEndpointResource(await getEndpoint(tenant, principal.member, id)));
});

export const PATCH = withApiAuth<Params<'id'>>(operations.updateWebhook.path, operations.updateWebhook.scope, async (req, { tenant, principal, params }) => {
  const { id } = await params;
  const input = parseBody(WebhookUpdate, (await readBody(req)).json);
  return jsonResponse(toWebhookEndpointResource(await updateEndpoint(tenant, principal.member, id, input)));
});

export const DELETE = withApiAuth<Params<'id'>>(operations.deleteWebhook.path, operations.deleteWebhook.scope, async (_req, { tenant, principal, params }) => {
  const { id } = await params;
  await deleteEndpoint(tenant, principal.member, id);
  return noContent();
});
