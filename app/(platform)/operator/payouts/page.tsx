import type { Metadata } from 'next';
import { ManualPayoutsWaiting, PayoutsTable } from '@/components/payouts/payouts-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/require-operator';
import { listPayoutsForOperator } from '@/lib/payouts/operator-payouts';

export const metadata: Metadata = { title: 'Payouts · Operator' };
export const dynamic = 'force-dynamic';

export default async function OperatorPayoutsPage() {
  await requireOperator();
  const payouts = await listPayoutsForOperator();
  const waiting = payouts.filter((payout) => payout.method === 'manual' && payout.status === 'pending');
  const others = payouts.filter((payout) => !waiting.includes(payout));
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader
        title="Payouts"
        description="Resellers' commissions and partners' revenue share, paid monthly by the payout job: by Stripe transfer to a connected account, or manually. Record the bank transfer's reference of a manual payout here."
      />
      <Card title="Waiting for a manual payment">
        <ManualPayoutsWaiting payouts={waiting} testId="operator-manual-payouts" />
      </Card>
      <Card title="All payouts">
        {others.length === 0 ? <p className="text-sm text-slate-600">No other payouts yet.</p> : <PayoutsTable payouts={others} label="All payouts" testId="operator-payouts" showPayee />}
      </Card>
    </div>
  );
}
