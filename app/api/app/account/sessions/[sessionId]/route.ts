import { endMySession } from '@/lib/account/sessions';
import { id, workspaceRoute } from '@/lib/http/route';

/** Ends one of the signed-in person's sessions on this workspace (this one signs them out). */
export const DELETE = workspaceRoute({ permission: 'workspace.read', params: { sessionId: id } }, async ({ tenant, member, params }) => {
  await endMySession(tenant, member, params.sessionId);
  return new Response(null, { status: 204 });
});
