import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PayoutReferenceForm } from '@/components/resellers/operator-forms';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormattedMonth } from '@/components/ui/formatted';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { getCurrentOperator } from '@/lib/auth/session';
import { createFormatter } from '@/lib/format/formatter';
import { listPayoutsForOperator } from '@/lib/payouts/operator-payouts';
import { formatCents } from '@/lib/resellers/money';

export const metadata: Metadata = { title: 'Payouts · Operator' };
export const dynamic = 'force-dynamic';

const platformFormat = createFormatter();
const KIND_LABEL = { reseller: 'Reseller', partner: 'Partner' } as const;

export default async function OperatorPayoutsPage() {
  const operator = await getCurrentOperator();
  if (!operator) redirect('/operator/signin');
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
        {waiting.length === 0 ? <p className="text-sm text-slate-600">No manual payout is waiting.</p> : null}
        <ul className="flex flex-col divide-y divide-slate-100" data-testid="operator-manual-payouts">
          {waiting.map((payout) => (
            <li key={payout.id} className="flex flex-wrap items-end justify-between gap-3 py-3">
              <span className="text-sm">
                <Badge>{KIND_LABEL[payout.payeeKind]}</Badge> <strong>{payout.payeeName}</strong> · <FormattedMonth value={payout.periodStart} /> · {formatCents(payout.totalCents)}
              </span>
              <PayoutReferenceForm payoutId={payout.id} label={`${payout.payeeName} ${platformFormat.month(payout.periodStart)}`} />
            </li>
          ))}
        </ul>
      </Card>
      <Card title="All payouts">
        {others.length === 0 ? (
          <p className="text-sm text-slate-600">No other payouts yet.</p>
        ) : (
          <ScrollBox label="All payouts">
            <table className="w-full text-left text-sm" data-testid="operator-payouts">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">Payee</th>
                  <th scope="col" className="py-2 pr-4">Period</th>
                  <th scope="col" className="py-2 pr-4 text-right">Total</th>
                  <th scope="col" className="py-2 pr-4">Method</th>
                  <th scope="col" className="py-2 pr-4">Status</th>
                  <th scope="col" className="py-2">Reference</th>
                </tr>
              </thead>
              <tbody>
                {others.map((payout) => (
                  <tr key={payout.id} className="border-t border-slate-100">
                    <td className="py-2 pr-4">
                      {payout.payeeName} <span className="text-xs text-slate-500">({KIND_LABEL[payout.payeeKind].toLowerCase()})</span>
                    </td>
                    <td className="py-2 pr-4"><FormattedMonth value={payout.periodStart} /></td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatCents(payout.totalCents)}</td>
                    <td className="py-2 pr-4">{payout.method === 'stripe_connect' ? 'Stripe transfer' : 'Manual'}</td>
                    <td className="py-2 pr-4">{payout.status}</td>
                    <td className="py-2">{payout.reference ?? '—'}</td>
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
