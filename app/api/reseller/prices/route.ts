import { readJson } from '@/lib/http/read-json';
import { withErrors } from '@/lib/http/wrappers';
import { listResellerPrices, setResellerPrice } from '@/lib/resellers/prices';
import { withReseller } from '@/lib/resellers/with-reseller';

export const GET = withErrors(withReseller('view', async (_req, { actor }) => Response.json({ prices: await listResellerPrices(actor) })));

/** Sets the reseller's monthly price for one plan (at or above the plan's floor). */
export const PUT = withErrors(withReseller('owner', async (req, { actor }) => Response.json(await setResellerPrice(actor, await readJson(req)))));
