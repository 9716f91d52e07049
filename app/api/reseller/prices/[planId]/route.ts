import { id, resellerRoute } from '@/lib/http/route';
import { clearResellerPrice } from '@/lib/resellers/prices';

/** Back to the list price for this plan. */
export const DELETE = resellerRoute({ need: 'owner', params: { planId: id } }, async ({ actor, params }) => {
  await clearResellerPrice(actor, params.planId);
  return new Response(null, { status: 204 });
});
