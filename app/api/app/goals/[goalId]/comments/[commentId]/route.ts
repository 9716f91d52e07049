import { deleteComment, updateComment } from '@/lib/comments/comments';
import { id, workspaceRoute } from '@/lib/http/route';

const params = { goalId: id, commentId: id };

/** { body }: its author rewrites a comment; answers the comment. */
export const PATCH = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await updateComment(tenant, member, params.goalId, params.commentId, body)),
);

/** Its author or an admin deletes a comment; answers its placeholder. */
export const DELETE = workspaceRoute({ permission: 'goals.write', params }, async ({ tenant, member, params, ip }) =>
  Response.json(await deleteComment(tenant, member, params.goalId, params.commentId, ip)),
);
