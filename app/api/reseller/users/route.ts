import { resellerRoute } from '@/lib/http/route';
import { inviteResellerUser, listResellerUsers } from '@/lib/resellers/reseller-users';

export const GET = resellerRoute({ need: 'view' }, async ({ actor }) => Response.json(await listResellerUsers(actor)));

/** Gives someone access to the reseller account (existing account: at once; else an invitation link). */
export const POST = resellerRoute({ need: 'owner', body: 'json' }, async ({ actor, body }) => Response.json(await inviteResellerUser(actor, body), { status: 201 }));
