import { acceptProposal } from '@/lib/coach/decide-proposal';
import { id, workspaceRoute } from '@/lib/http/route';

// One click on a proposal: the goal or habit is made once, however often it is clicked.
export const POST = workspaceRoute({ permission: 'goals.write', params: { messageId: id } }, async ({ tenant, member, params }) =>
  Response.json(await acceptProposal(tenant, member, params.messageId)),
);
