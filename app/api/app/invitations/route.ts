import { workspaceRoute } from '@/lib/http/route';
import { createInvitation, listPendingInvitations } from '@/lib/members/invitations';

/** Invitations not yet accepted or revoked (expired ones included, flagged, so they can be resent). */
export const GET = workspaceRoute({ permission: 'members.manage' }, async ({ tenant }) => Response.json({ invitations: await listPendingInvitations(tenant) }));

/** Invites someone by email; the token travels only in the email. */
export const POST = workspaceRoute({ permission: 'members.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await createInvitation(tenant, member, body, ip), { status: 201 }),
);
