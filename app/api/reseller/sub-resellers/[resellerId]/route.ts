import { id, resellerRoute } from '@/lib/http/route';
import { setCommissionRate } from '@/lib/resellers/resellers';

/** Sets one of the reseller's own sub-resellers' rate ({ rateBps }), never above its own. */
export const PATCH = resellerRoute({ need: 'owner', params: { resellerId: id }, body: 'json' }, async ({ actor, params, body }) =>
  Response.json(await setCommissionRate({ actor }, params.resellerId, body)),
);
