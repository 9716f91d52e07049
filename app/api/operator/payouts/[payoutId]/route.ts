import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors } from '@/lib/http/wrappers';
import { recordManualPayout } from '@/lib/resellers/payouts';
import { withOperator } from '@/lib/resellers/with-reseller';

/** Records the reference of a manual payout ({ reference }); it and its commissions become paid. */
export const PATCH = withErrors<Params<'payoutId'>>(
  withOperator<Params<'payoutId'>>(async (req, { operator, params }) => Response.json(await recordManualPayout(operator, (await params).payoutId, await readJson(req)))),
);
