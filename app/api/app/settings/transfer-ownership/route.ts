import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { transferOwnershipSchema } from '@/lib/members/member-schema';
import { transferOwnership } from '@/lib/members/members';

export const POST = withErrors(
  withMember('owners.manage', async (req, { tenant, member }) => {
    const { membershipId } = transferOwnershipSchema.parse(await readJson(req));
    await transferOwnership(tenant, member, membershipId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
