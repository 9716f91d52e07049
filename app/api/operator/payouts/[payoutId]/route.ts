import { id, operatorRoute } from '@/lib/http/route';
import { recordManualPayout } from '@/lib/payouts/manual';

/** Records the reference of a manual payout of a reseller or a partner ({ reference }); it and its commissions become paid. */
export const PATCH = operatorRoute({ permission: 'platform:billing', params: { payoutId: id }, body: 'json' }, async ({ operator, params, body }) => Response.json(await recordManualPayout(operator, params.payoutId, body)));
