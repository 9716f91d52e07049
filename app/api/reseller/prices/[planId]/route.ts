import type { Params } from '@/lib/http/route-params';
import { withErrors } from '@/lib/http/wrappers';
import { clearResellerPrice } from '@/lib/resellers/prices';
import { withReseller } from '@/lib/resellers/with-reseller';

/** Back to the list price for this plan. */
export const DELETE = withErrors<Params<'planId'>>(
  withReseller<Params<'planId'>>('owner', async (_req, { actor, params }) => {
    await clearResellerPrice(actor, (await params).planId);
    return new Response(null, { status: 204 });
  }),
);
