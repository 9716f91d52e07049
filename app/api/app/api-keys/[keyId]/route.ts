import { revokeApiKey } from '@/lib/api-keys/api-keys';
import { id, workspaceRoute } from '@/lib/http/route';

/** Revokes the key at once. */
export const DELETE = workspaceRoute({ permission: 'workspace.read', params: { keyId: id } }, async ({ tenant, member, params, ip }) =>
  Response.json({ key: await revokeApiKey(tenant, member, params.keyId, ip) }),
);
