import { deleteConversation, getConversation } from '@/lib/coach/conversations';
import { id, workspaceRoute } from '@/lib/http/route';

// One of the member's conversations: read it, or delete it for good.
export const GET = workspaceRoute({ permission: 'workspace.read', params: { conversationId: id } }, async ({ tenant, member, params }) =>
  Response.json(await getConversation(tenant, member, params.conversationId)),
);

export const DELETE = workspaceRoute({ permission: 'workspace.read', params: { conversationId: id } }, async ({ tenant, member, params }) => {
  await deleteConversation(tenant, member, params.conversationId);
  return new Response(null, { status: 204 });
});
