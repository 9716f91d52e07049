import { id, workspaceRoute } from '@/lib/http/route';
import { dismissInsight } from '@/lib/insights/dismiss-insight';

/** Hides one insight from the signed-in member (a team's stays for the rest of the team). */
export const POST = workspaceRoute({ permission: 'workspace.read', params: { insightId: id } }, async ({ tenant, member, params }) => {
  await dismissInsight(tenant, member, params.insightId);
  return new Response(null, { status: 204 });
});
