import { readJson } from '@/lib/http/read-json';
import { withErrors } from '@/lib/http/wrappers';
import { subResellerTree } from '@/lib/resellers/dashboard';
import { recruitSubReseller } from '@/lib/resellers/resellers';
import { withReseller } from '@/lib/resellers/with-reseller';

/** The reseller's sub-resellers and theirs (summary only). */
export const GET = withErrors(withReseller('view', async (_req, { actor }) => Response.json({ tree: await subResellerTree(actor) })));

/** Recruits a sub-reseller one tier below (pending until the operator approves it). */
export const POST = withErrors(withReseller('owner', async (req, { actor }) => Response.json(await recruitSubReseller(actor, await readJson(req)), { status: 201 })));
