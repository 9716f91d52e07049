import { workspaceRoute } from '@/lib/http/route';
import { createEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';

/** The workspace's webhook endpoints (admins only), never with their secrets. */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json({ endpoints: await listEndpoints(tenant, member) }));

/** The answer carries the signing secret once: { endpoint, secret }. */
export const POST = workspaceRoute({ permission: 'integrations.manage', body: 'json' }, async ({ tenant, member, body }) =>
  Response.json(await createEndpoint(tenant, member, body), { status: 201 }),
);
