import { id, workspaceRoute } from '@/lib/http/route';
import { rotateEndpointSecret } from '@/lib/webhooks/endpoints';

/** New secret (shown once): { endpoint, secret }; the old one keeps signing for graceHours (default 24). The body may be left out. */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { endpointId: id }, body: 'optional-json' }, async ({ tenant, member, params, body }) => {
  return Response.json(await rotateEndpointSecret(tenant, member, params.endpointId, body));
});
