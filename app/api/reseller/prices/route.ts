import { resellerRoute } from '@/lib/http/route';
import { z } from 'zod';
import { BILLING_CURRENCIES } from '@/lib/billing/currencies';
import { listResellerPrices, setResellerPrice } from '@/lib/resellers/prices';

const pricesQuery = z.object({ currency: z.enum(BILLING_CURRENCIES).default('usd') });

/** The plans' prices in a currency (?currency=eur; default usd). */
export const GET = resellerRoute({ need: 'view', query: pricesQuery }, async ({ actor, query }) => Response.json({ prices: await listResellerPrices(actor, query.currency) }));

/** Sets the reseller's monthly price for one plan (at or above the plan's floor). */
export const PUT = resellerRoute({ need: 'owner', body: 'json' }, async ({ actor, body }) => Response.json(await setResellerPrice(actor, body)));
