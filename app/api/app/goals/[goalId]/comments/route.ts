import { z } from 'zod';
import { createComment, listComments } from '@/lib/comments/comments';
import { id, workspaceRoute } from '@/lib/http/route';

const params = { goalId: id };
const query = z.object({ milestoneId: id.optional() });

/** The goal's comments, oldest first (?milestoneId: one milestone's); 404 when the goal is hidden from the member. */
export const GET = workspaceRoute({ permission: 'workspace.read', params, query }, async ({ tenant, member, params, query }) =>
  Response.json(await listComments(tenant, member, params.goalId, { milestoneId: query.milestoneId })),
);

/** { body (Markdown, at most 5,000 characters; "@Name" mentions), milestoneId? }: answers the comment. */
export const POST = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await createComment(tenant, member, params.goalId, body), { status: 201 }),
);
