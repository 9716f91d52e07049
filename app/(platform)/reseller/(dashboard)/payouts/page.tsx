import type { Metadata } from 'next';
import { PayoutsTable } from '@/components/payouts/payouts-table';
import { Card } from '@/components/ui/card';
import { CommissionTable } from '@/components/resellers/commission-table';
import { earningsSummary, listPayouts, payoutTerms, recentCommissions } from '@/lib/resellers/dashboard';
import { formatCents } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';

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
          <PayoutsTable
            payouts={payouts}
            label="Payouts"
            testId="payouts-table"
            statement={(payout) => (
              <a href={`/api/reseller/payouts/${payout.id}/statement`} className="text-brand-text underline" download>
                CSV ({payout.commissions} lines)
              </a>
            )}
          />
        )}
      </Card>
      <Card title="Commissions">
        <CommissionTable lines={commissions} caption="Commissions, latest first" />
      </Card>
    </div>
  );
}
