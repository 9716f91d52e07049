import { id, workspaceRoute } from '@/lib/http/route';
import { reportReviewFromWorkspace } from '@/lib/marketplace/ratings';

/** { reason } — reports an abusive review to the platform's operators. */
export const POST = workspaceRoute({ permission: 'workspace.read', params: { reviewId: id }, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await reportReviewFromWorkspace(tenant, member, params.reviewId, body), { status: 201 }),
);
