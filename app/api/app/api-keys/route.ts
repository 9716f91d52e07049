import { createApiKey, listApiKeys } from '@/lib/api-keys/api-keys';
import { workspaceRoute } from '@/lib/http/route';

/** Admins see every key of the workspace; others the keys they made. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json({ keys: await listApiKeys(tenant, member) }));

/** The answer carries the secret once; it is never retrievable again. */
export const POST = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await createApiKey(tenant, member, body, ip), { status: 201 }),
);
