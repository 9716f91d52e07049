import { id, workspaceRoute } from '@/lib/http/route';
import { deleteEndpoint, getEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';

const params = { endpointId: id };

export const GET = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params }) =>
  Response.json({ endpoint: await getEndpoint(tenant, member, params.endpointId) }),
);

export const PATCH = workspaceRoute({ permission: 'integrations.manage', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json({ endpoint: await updateEndpoint(tenant, member, params.endpointId, body) }),
);

export const DELETE = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params }) => {
  await deleteEndpoint(tenant, member, params.endpointId);
  return new Response(null, { status: 204 });
});
