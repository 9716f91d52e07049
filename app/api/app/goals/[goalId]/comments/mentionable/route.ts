import { mentionableMembers } from '@/lib/comments/comments';
import { id, workspaceRoute } from '@/lib/http/route';

/** The members a comment on this goal may mention: everyone who can see it. */
export const GET = workspaceRoute({ permission: 'workspace.read', params: { goalId: id } }, async ({ tenant, member, params }) =>
  Response.json({ members: await mentionableMembers(tenant, member, params.goalId) }),
);
