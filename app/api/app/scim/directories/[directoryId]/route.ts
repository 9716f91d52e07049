import { id, workspaceRoute } from '@/lib/http/route';
import { deleteDirectory, getDirectory } from '@/lib/scim/directories';

const params = { directoryId: id };

/** The directory with the users and groups it synced. */
export const GET = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params }) => Response.json(await getDirectory(tenant, member, params.directoryId)));

export const DELETE = workspaceRoute({ permission: 'integrations.manage', params }, async ({ tenant, member, params, ip }) => {
  await deleteDirectory(tenant, member, params.directoryId, ip);
  return new Response(null, { status: 204 });
});
