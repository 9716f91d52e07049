import { rotateApiKey } from '@/lib/api-keys/api-keys';
import { id, workspaceRoute } from '@/lib/http/route';

/**
 * New secret (shown once); the old one works for graceHours more (default 24).
 */
export const POST = workspaceRoute({ permission: 'workspace.read', params: { keyId: id }, body: 'optional-json' }, async ({ tenant, member, params, body, ip }) => {
  return Response.json(await rotateApiKey(tenant, member, params.keyId, body, ip));
});
