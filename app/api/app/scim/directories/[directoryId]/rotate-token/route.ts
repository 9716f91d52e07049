import { id, workspaceRoute } from '@/lib/http/route';
import { rotateDirectoryToken } from '@/lib/scim/directories';

/** A new bearer token, shown once: { directory, token }. The old token stops working at once. */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { directoryId: id } }, async ({ tenant, member, params, ip }) =>
  Response.json(await rotateDirectoryToken(tenant, member, params.directoryId, ip)),
);
