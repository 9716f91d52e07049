import type { Params } from '@/lib/http/route-params';
import { withErrors } from '@/lib/http/wrappers';
import { payoutStatement, statementCsv } from '@/lib/resellers/dashboard';
import { withReseller } from '@/lib/resellers/with-reseller';

/** One of the reseller's own payouts as a CSV statement (another reseller's payout: 404). */
export const GET = withErrors<Params<'payoutId'>>(
  withReseller<Params<'payoutId'>>('view', async (_req, { actor, params }) => {
    const statement = await payoutStatement(actor, (await params).payoutId);
    const month = statement.payout.periodStart.toISOString().slice(0, 7);
    return new Response(statementCsv(statement), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="waypoint-payout-${month}-${statement.payout.id}.csv"`,
        'cache-control': 'no-store',
      },
    });
  }),
);
