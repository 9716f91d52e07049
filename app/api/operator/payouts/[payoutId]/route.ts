import { id, operatorRoute } from '@/lib/http/route';
import { recordManualPayout } from '@/lib/resellers/payouts';

/** Records the reference of a manual payout ({ reference }); it and its commissions become paid. */
export const PATCH = operatorRoute({ params: { payoutId: id }, body: 'json' }, async ({ operator, params, body }) => Response.json(await recordManualPayout(operator, params.payoutId, body)));
