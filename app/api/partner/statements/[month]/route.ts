import { id, partnerRoute } from '@/lib/http/route';
import { monthlyStatement } from '@/lib/payouts/partner-earnings';
import { partnerStatementCsv } from '@/lib/payouts/statement-csv';

/** The partner's statement of a month (yyyy-mm; anything else is 404) as CSV: owners and billing contacts only. */
export const GET = partnerRoute({ need: 'money', params: { month: id } }, async ({ actor, params }) => {
  const statement = await monthlyStatement(actor, params.month);
  return new Response(partnerStatementCsv(statement), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="waypoint-partner-statement-${statement.month}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
