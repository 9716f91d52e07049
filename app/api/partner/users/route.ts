import { partnerRoute } from '@/lib/http/route';
import { invitePartnerUser, listPartnerUsers } from '@/lib/partners/partner-users';

export const GET = partnerRoute({ need: 'view' }, async ({ actor }) => Response.json(await listPartnerUsers(actor)));

/** An owner gives someone access (an existing account at once; anyone else gets an invitation link). */
export const POST = partnerRoute({ need: 'owner', body: 'json' }, async ({ actor, body, ip }) => Response.json(await invitePartnerUser(actor, body, ip), { status: 201 }));
