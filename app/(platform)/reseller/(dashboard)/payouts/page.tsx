import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { ScrollBox } from '@/components/ui/scroll-box';
import { CommissionTable } from '@/components/resellers/commission-table';
import { earningsSummary, listPayouts, payoutTerms, recentCommissions } from '@/lib/resellers/dashboard';
import { formatCents } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';
import { FormattedMonth } from '@/components/ui/formatted';

export const metadata: Metadata = { title: 'Payouts' };
export const dynamic = 'force-dynamic';

export default async function ResellerPayoutsPage() {
  const actor = await requireReseller();
  const [payouts, earnings, commissions, minimum] = await Promise.all([listPayouts(actor), earningsSummary(actor), recentCommissions(actor, 100), payoutTerms(actor)]);
  return (
    <div className="flex flex-col gap-6">
      <Card
        title="Payouts"
        description={`Commissions are held ${minimum.holdingDays} days, then paid monthly once they reach ${formatCents(minimum.payoutMinimumCents)}, ${minimum.stripeConnectAccountId ? 'by Stripe transfer to your connected account' : 'by bank transfer from the Waypoint team'}. ${formatCents(earnings.availableCents)} is approved and waiting for the next payout.`}
      >
        {payouts.length === 0 ? (
          <p className="text-sm text-slate-600">No payouts yet.</p>
        ) : (
          <ScrollBox label="Payouts">
          <table className="w-full text-left text-sm" data-testid="payouts-table">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Period</th>
                <th scope="col" className="py-2 pr-4 text-right">Total</th>
                <th scope="col" className="py-2 pr-4">Method</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4">Reference</th>
                <th scope="col" className="py-2">Statement</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((payout) => (
                <tr key={payout.id} className="border-t border-slate-100">
                  <td className="py-2 pr-4"><FormattedMonth value={payout.periodStart} /></td>
                  <td className="py-2 pr-4 text-right font-medium tabular-nums">{formatCents(payout.totalCents)}</td>
                  <td className="py-2 pr-4">{payout.method === 'stripe_connect' ? 'Stripe transfer' : 'Manual'}</td>
                  <td className="py-2 pr-4">{payout.status}</td>
                  <td className="py-2 pr-4">{payout.reference ?? '—'}</td>
                  <td className="py-2">
                    <a href={`/api/reseller/payouts/${payout.id}/statement`} className="text-brand-text underline" download>
                      CSV ({payout.commissions} lines)
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollBox>
        )}
      </Card>
      <Card title="Commissions">
        <CommissionTable lines={commissions} caption="Commissions, latest first" />
      </Card>
    </div>
  );
}
