import { id, workspaceRoute } from '@/lib/http/route';
import { deleteWorkspaceReview, saveWorkspaceReview, workspaceReviews } from '@/lib/marketplace/ratings';

/** The app's rating summary, a page of its visible reviews (?sort=newest|highest|lowest, ?cursor) and the workspace's own review. */
export const GET = workspaceRoute({ permission: 'workspace.read', params: { appId: id } }, async ({ tenant, member, params, req }) =>
  Response.json(await workspaceReviews(tenant, member, params.appId, Object.fromEntries(req.nextUrl.searchParams))),
);

/** { stars: 1–5, body? } — the workspace's review of an app it has installed; saving again replaces it. */
export const PUT = workspaceRoute({ permission: 'integrations.manage', params: { appId: id }, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await saveWorkspaceReview(tenant, member, params.appId, body, ip)),
);

/** Withdraws the workspace's review. */
export const DELETE = workspaceRoute({ permission: 'integrations.manage', params: { appId: id } }, async ({ tenant, member, params, ip }) => {
  await deleteWorkspaceReview(tenant, member, params.appId, ip);
  return new Response(null, { status: 204 });
});
