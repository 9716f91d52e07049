import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { changeRoleSchema } from '@/lib/members/member-schema';
import { changeRole, removeMember } from '@/lib/members/members';

export const PATCH = withErrors<Params<'membershipId'>>(
  withMember<Params<'membershipId'>>('members.manage', async (req, { tenant, member, params }) => {
    const { role } = changeRoleSchema.parse(await readJson(req));
    return Response.json(await changeRole(tenant, member, (await params).membershipId, role, clientIp(req.headers)));
  }),
);

export const DELETE = withErrors<Params<'membershipId'>>(
  withMember<Params<'membershipId'>>('members.manage', async (req, { tenant, member, params }) => {
    await removeMember(tenant, member, (await params).membershipId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
