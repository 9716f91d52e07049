import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { memberListQuerySchema } from '@/lib/members/member-schema';
import { listMembers } from '@/lib/members/members';

export const GET = withErrors(
  withMember('workspace.read', async (req, { tenant }) => {
    const query = memberListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json({ members: await listMembers(tenant, query) });
  }),
);
