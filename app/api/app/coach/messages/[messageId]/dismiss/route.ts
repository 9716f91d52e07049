import { dismissProposal } from '@/lib/coach/decide-proposal';
import { id, workspaceRoute } from '@/lib/http/route';

export const POST = workspaceRoute({ permission: 'workspace.read', params: { messageId: id } }, async ({ tenant, member, params }) =>
  Response.json(await dismissProposal(tenant, member, params.messageId)),
);
