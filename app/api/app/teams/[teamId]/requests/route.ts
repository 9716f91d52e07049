import { id, workspaceRoute } from '@/lib/http/route';
import { listJoinRequests } from '@/lib/teams/join-requests';

/** Pending requests to join (leads and admins). */
export const GET = workspaceRoute({ permission: 'workspace.read', params: { teamId: id } }, async ({ tenant, member, params }) =>
  Response.json({ requests: await listJoinRequests(tenant, member, params.teamId) }),
);
