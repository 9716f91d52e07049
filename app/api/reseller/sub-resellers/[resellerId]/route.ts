import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors } from '@/lib/http/wrappers';
import { setCommissionRate } from '@/lib/resellers/resellers';
import { withReseller } from '@/lib/resellers/with-reseller';

/** Sets one of the reseller's own sub-resellers' rate ({ rateBps }), never above its own. */
export const PATCH = withErrors<Params<'resellerId'>>(
  withReseller<Params<'resellerId'>>('owner', async (req, { actor, params }) => Response.json(await setCommissionRate({ actor }, (await params).resellerId, await readJson(req)))),
);
