import { z } from 'zod';
import { BILLING_CURRENCIES } from '@/lib/billing/currencies';
import { id, resellerRoute } from '@/lib/http/route';
import { clearResellerPrice } from '@/lib/resellers/prices';

const currencyQuery = z.object({ currency: z.enum(BILLING_CURRENCIES).default('usd') });

/** Back to the list price for this plan, in a currency (?currency=eur; default usd). */
export const DELETE = resellerRoute({ need: 'owner', params: { planId: id }, query: currencyQuery }, async ({ actor, params, query }) => {
  await clearResellerPrice(actor, params.planId, query.currency);
  return new Response(null, { status: 204 });
});
