import type { Metadata } from 'next';
import Link from 'next/link';
import { PayoutsTable } from '@/components/payouts/payouts-table';
import { Card } from '@/components/ui/card';
import { FormattedMonth } from '@/components/ui/formatted';
import { ScrollBox } from '@/components/ui/scroll-box';
import { canSeeMoney } from '@/lib/partners/partner-actor';
import { requirePartner } from '@/lib/partners/partner-session';
import { partnerBalance, partnerPayouts, statementMonths } from '@/lib/payouts/partner-earnings';
import { formatCents, formatRate } from '@/lib/resellers/money';

export const metadata: Metadata = { title: 'Payouts · Partner portal' };
export const dynamic = 'force-dynamic';

function Amount({ label, cents, testId }: { label: string; cents: number; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <p className="text-xs text-slate-600">{label}</p>
      <p className="text-lg font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {formatCents(cents)}
      </p>
    </div>
  );
}

export default async function PartnerPayoutsPage() {
  const actor = await requirePartner();
  if (!canSeeMoney(actor)) {
    return (
      <Card title="Payouts">
        <p className="text-sm text-slate-600" role="status">
          Revenue, payouts and statements are for owners and billing contacts of your partner account.
        </p>
      </Card>
    );
  }
  const [balance, payouts, months] = await Promise.all([partnerBalance(actor), partnerPayouts(actor), statementMonths(actor)]);
  const fee = formatRate(balance.platformFeeBps);
  return (
    <div className="flex flex-col gap-6">
      <Card
        title="Balance"
        description={`Your tier is ${balance.tierName}: Waypoint keeps ${fee} of what workspaces pay for your apps. Earnings are held ${balance.holdingDays} days, then paid monthly once they reach ${formatCents(balance.payoutMinimumCents)}, ${balance.stripeConnected ? 'by Stripe transfer to your connected account' : 'by bank transfer from the Waypoint team'}.`}
      >
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Amount label="In holding period" cents={balance.pendingCents} testId="balance-pending" />
          <Amount label="Available for the next payout" cents={balance.availableCents} testId="balance-available" />
          <Amount label="In a payout" cents={balance.inPayoutCents} testId="balance-in-payout" />
          <Amount label="Paid to you" cents={balance.paidCents} testId="balance-paid" />
        </div>
      </Card>

      <Card title="Payouts">
        {payouts.length === 0 ? (
          <p className="text-sm text-slate-600">No payouts yet.</p>
        ) : (
          <PayoutsTable payouts={payouts} label="Payouts" testId="partner-payouts" />
        )}
      </Card>

      <Card title="Monthly statements" description="Every sale of your apps and every refund, by the month it happened. Download a month as CSV or open it to print.">
        {months.length === 0 ? (
          <p className="text-sm text-slate-600">No revenue yet: statements appear once a workspace pays for one of your apps.</p>
        ) : (
          <ScrollBox label="Monthly statements">
            <table className="w-full text-left text-sm" data-testid="partner-statements">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">Month</th>
                  <th scope="col" className="py-2 pr-4 text-right">App sales</th>
                  <th scope="col" className="py-2 pr-4 text-right">Your share</th>
                  <th scope="col" className="py-2 pr-4 text-right">Refunds</th>
                  <th scope="col" className="py-2 pr-4 text-right">Net</th>
                  <th scope="col" className="py-2">Statement</th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.month} className="border-t border-slate-100">
                    <td className="py-2 pr-4"><FormattedMonth value={month.month} /></td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatCents(month.grossCents)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatCents(month.salesCents)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatCents(month.reversalsCents)}</td>
                    <td className="py-2 pr-4 text-right font-medium tabular-nums">{formatCents(month.netCents)}</td>
                    <td className="py-2 whitespace-nowrap">
                      <Link href={`/partner/payouts/${month.month}`} className="text-brand-text underline">
                        View
                      </Link>{' '}
                      ·{' '}
                      <a href={`/api/partner/statements/${month.month}`} className="text-brand-text underline" download>
                        CSV
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Card>
    </div>
  );
}
