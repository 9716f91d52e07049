import type { ReactNode } from 'react';
import { PayoutReferenceForm } from '@/components/resellers/operator-forms';
import { Badge } from '@/components/ui/badge';
import { FormattedDate, FormattedMonth } from '@/components/ui/formatted';
import { ScrollBox } from '@/components/ui/scroll-box';
import { createFormatter } from '@/lib/format/formatter';
import type { PayeeKind } from '@/lib/payouts/payee';
import { formatCents } from '@/lib/resellers/money';

// Payouts look the same wherever they are listed (a reseller's or a partner's own page, the
// operator's console): one table, with the payee column for the operator and a statement
// column where the payee downloads its lines.

export interface PayoutTableRow {
  id: string;
  periodStart: Date | string;
  totalCents: number;
  method: string;
  status: string;
  reference: string | null;
  paidAt?: Date | string | null;
  /** The operator's view: who is paid. */
  payee?: { name: string; kind: PayeeKind };
}

const KIND_LABEL: Record<PayeeKind, string> = { reseller: 'Reseller', partner: 'Partner' };

const methodLabel = (method: string) => (method === 'stripe_connect' ? 'Stripe transfer' : 'Manual');

export function PayoutsTable<Row extends PayoutTableRow>({
  payouts,
  label,
  testId,
  showPayee = false,
  statement,
}: {
  payouts: Row[];
  label: string;
  testId?: string;
  showPayee?: boolean;
  /** The statement cell of a row (e.g. a CSV link); no column without it. */
  statement?: (payout: Row) => ReactNode;
}) {
  return (
    <ScrollBox label={label}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-slate-600">
          <tr>
            {showPayee ? <th scope="col" className="py-2 pr-4">Payee</th> : null}
            <th scope="col" className="py-2 pr-4">Period</th>
            <th scope="col" className="py-2 pr-4 text-right">Total</th>
            <th scope="col" className="py-2 pr-4">Method</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4">Reference</th>
            {statement ? <th scope="col" className="py-2">Statement</th> : null}
          </tr>
        </thead>
        <tbody>
          {payouts.map((payout) => (
            <tr key={payout.id} className="border-t border-slate-100">
              {showPayee && payout.payee ? (
                <td className="py-2 pr-4">
                  {payout.payee.name} <span className="text-xs text-slate-500">({KIND_LABEL[payout.payee.kind].toLowerCase()})</span>
                </td>
              ) : null}
              <td className="py-2 pr-4">
                <FormattedMonth value={payout.periodStart} />
              </td>
              <td className="py-2 pr-4 text-right font-medium tabular-nums">{formatCents(payout.totalCents)}</td>
              <td className="py-2 pr-4">{methodLabel(payout.method)}</td>
              <td className="py-2 pr-4">
                {payout.status}
                {payout.paidAt ? (
                  <>
                    {' '}
                    <FormattedDate value={payout.paidAt} />
                  </>
                ) : null}
              </td>
              <td className="py-2 pr-4">{payout.reference ?? '—'}</td>
              {statement ? <td className="py-2 whitespace-nowrap">{statement(payout)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

const platformFormat = createFormatter();

/** Manual payouts waiting for the operator to record the bank transfer's reference. */
export function ManualPayoutsWaiting({ payouts, testId }: { payouts: (PayoutTableRow & { payee: { name: string; kind: PayeeKind } })[]; testId?: string }) {
  if (payouts.length === 0) return <p className="text-sm text-slate-600">No manual payout is waiting.</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100" data-testid={testId}>
      {payouts.map((payout) => (
        <li key={payout.id} className="flex flex-wrap items-end justify-between gap-3 py-3">
          <span className="text-sm">
            <Badge>{KIND_LABEL[payout.payee.kind]}</Badge> <strong>{payout.payee.name}</strong> · <FormattedMonth value={payout.periodStart} /> · {formatCents(payout.totalCents)}
          </span>
          <PayoutReferenceForm payoutId={payout.id} label={`${payout.payee.name} ${platformFormat.month(payout.periodStart)}`} />
        </li>
      ))}
    </ul>
  );
}
