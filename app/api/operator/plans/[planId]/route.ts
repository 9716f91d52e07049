import { id, operatorRoute } from '@/lib/http/route';
import { setPlanFloor } from '@/lib/resellers/prices';

/** Sets a plan's reseller floor price ({ floorCents }, null: resellers may not price it). */
export const PATCH = operatorRoute({ permission: 'platform:billing', params: { planId: id }, body: 'json' }, async ({ operator, params, body }) => Response.json(await setPlanFloor(operator, params.planId, body)));
