import { resellerRoute } from '@/lib/http/route';
import { listResellerPrices, setResellerPrice } from '@/lib/resellers/prices';

export const GET = resellerRoute({ need: 'view' }, async ({ actor }) => Response.json({ prices: await listResellerPrices(actor) }));

/** Sets the reseller's monthly price for one plan (at or above the plan's floor). */
export const PUT = resellerRoute({ need: 'owner', body: 'json' }, async ({ actor, body }) => Response.json(await setResellerPrice(actor, body)));
