import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { createInvitation, listPendingInvitations } from '@/lib/members/invitations';

/** Invitations not yet accepted or revoked (expired ones included, flagged, so they can be resent). */
export const GET = withErrors(
  withMember('members.manage', async (_req, { tenant }) => {
    return Response.json({ invitations: await listPendingInvitations(tenant) });
  }),
);

/** Invites someone by email; the token travels only in the email. */
export const POST = withErrors(
  withMember('members.manage', async (req, { tenant, member }) => {
    return Response.json(await createInvitation(tenant, member, await readJson(req), clientIp(req.headers)), { status: 201 });
  }),
);
