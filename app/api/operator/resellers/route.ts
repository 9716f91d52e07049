import { readJson } from '@/lib/http/read-json';
import { withErrors } from '@/lib/http/wrappers';
import { createTier1Reseller, listResellersForOperator } from '@/lib/resellers/resellers';
import { withOperator } from '@/lib/resellers/with-reseller';

export const GET = withErrors(withOperator(async () => Response.json({ resellers: await listResellersForOperator() })));

/** Creates a tier-1 reseller (approved) and invites its owner. */
export const POST = withErrors(withOperator(async (req, { operator }) => Response.json(await createTier1Reseller(operator, await readJson(req)), { status: 201 })));
