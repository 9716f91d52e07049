import { id, resellerRoute } from '@/lib/http/route';
import { payoutStatement, statementCsv } from '@/lib/resellers/dashboard';

/** One of the reseller's own payouts as a CSV statement (another reseller's payout: 404). */
export const GET = resellerRoute({ need: 'view', params: { payoutId: id } }, async ({ actor, params }) => {
  const statement = await payoutStatement(actor, params.payoutId);
  const month = statement.payout.periodStart.toISOString().slice(0, 7);
  return new Response(statementCsv(statement), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="waypoint-payout-${month}-${statement.payout.id}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
