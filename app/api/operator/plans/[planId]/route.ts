import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors } from '@/lib/http/wrappers';
import { setPlanFloor } from '@/lib/resellers/prices';
import { withOperator } from '@/lib/resellers/with-reseller';

/** Sets a plan's reseller floor price ({ floorCents }, null: resellers may not price it). */
export const PATCH = withErrors<Params<'planId'>>(withOperator<Params<'planId'>>(async (req, { params }) => Response.json(await setPlanFloor((await params).planId, await readJson(req)))));
