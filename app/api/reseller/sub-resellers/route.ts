import { resellerRoute } from '@/lib/http/route';
import { subResellerTree } from '@/lib/resellers/dashboard';
import { recruitSubReseller } from '@/lib/resellers/resellers';

/** The reseller's sub-resellers and theirs (summary only). */
export const GET = resellerRoute({ need: 'view' }, async ({ actor }) => Response.json({ tree: await subResellerTree(actor) }));

/** Recruits a sub-reseller one tier below (pending until the operator approves it). */
export const POST = resellerRoute({ need: 'owner', body: 'json' }, async ({ actor, body }) => Response.json(await recruitSubReseller(actor, body), { status: 201 }));
