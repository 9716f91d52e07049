import { workspaceRoute } from '@/lib/http/route';
import { memberListQuerySchema } from '@/lib/members/member-schema';
import { listMembers } from '@/lib/members/members';

/** ?q=&role= */
export const GET = workspaceRoute({ permission: 'workspace.read', query: memberListQuerySchema }, async ({ tenant, query }) =>
  Response.json({ members: await listMembers(tenant, query) }),
);
