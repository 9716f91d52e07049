import { readJson } from '@/lib/http/read-json';
import { withErrors } from '@/lib/http/wrappers';
import { inviteResellerUser, listResellerUsers } from '@/lib/resellers/reseller-users';
import { withReseller } from '@/lib/resellers/with-reseller';

export const GET = withErrors(withReseller('view', async (_req, { actor }) => Response.json(await listResellerUsers(actor))));

/** Gives someone access to the reseller account (existing account: at once; else an invitation link). */
export const POST = withErrors(withReseller('owner', async (req, { actor }) => Response.json(await inviteResellerUser(actor, await readJson(req)), { status: 201 })));
