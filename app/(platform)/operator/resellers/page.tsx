import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ScrollBox } from '@/components/ui/scroll-box';
import { Card } from '@/components/ui/card';
import { CreateResellerForm, PayoutReferenceForm, PlanFloorForm, ResellerStatusButton, TermsForm } from '@/components/resellers/operator-forms';
import { RateForm } from '@/components/resellers/reseller-forms';
import { getCurrentOperator } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatCents, formatRate } from '@/lib/resellers/money';
import { listPayoutsForOperator } from '@/lib/payouts/operator-payouts';
import { listResellersForOperator } from '@/lib/resellers/resellers';
import { FormattedMonth } from '@/components/ui/formatted';
import { createFormatter } from '@/lib/format/formatter';

const platformFormat = createFormatter();

export const metadata: Metadata = { title: 'Resellers · Operator' };
export const dynamic = 'force-dynamic';

export default async function OperatorResellersPage() {
  const operator = await getCurrentOperator();
  if (!operator) redirect('/operator/signin');
  const [resellers, payouts, plans] = await Promise.all([
    listResellersForOperator(),
    listPayoutsForOperator({ kind: 'reseller' }),
    db.plan.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, priceCents: true, resellerFloorCents: true } }),
  ]);
  const pendingPayouts = payouts.filter((payout) => payout.method === 'manual' && payout.status === 'pending');
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-12">
      <h1 className="text-2xl font-bold text-slate-900">Resellers</h1>

      <Card title="Resellers" description="Approve new resellers, set their rates (never above their parent's) and payout terms.">
        {resellers.length === 0 ? (
          <p className="text-sm text-slate-600">No resellers yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100" data-testid="operator-resellers">
            {resellers.map((reseller) => (
              <li key={reseller.id} className="flex flex-col gap-3 py-4">
                <div className="flex flex-wrap items-baseline justify-between gap-3">
                  <div>
                    <span className="font-semibold text-slate-900">{reseller.name}</span>{' '}
                    <span className="text-sm text-slate-600">
                      tier {reseller.tier}
                      {reseller.parentName ? ` under ${reseller.parentName}` : ''} · {formatRate(reseller.commissionRateBps)} · {reseller.status} · {reseller.clientCount} clients ·{' '}
                      {reseller.userEmails.join(', ') || 'no users yet'}
                    </span>
                  </div>
                  <ResellerStatusButton resellerId={reseller.id} name={reseller.name} status={reseller.status} />
                </div>
                <div className="flex flex-wrap items-end gap-6">
                  <RateForm resellerId={reseller.id} name={reseller.name} rateBps={reseller.commissionRateBps} endpoint={`/api/operator/resellers/${reseller.id}`} />
                  <TermsForm
                    resellerId={reseller.id}
                    name={reseller.name}
                    terms={{ stripeConnectAccountId: reseller.stripeConnectAccountId, payoutMinimumCents: reseller.payoutMinimumCents, holdingDays: reseller.holdingDays }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Create a tier-1 reseller" description="Approved at once; its owner gets an email to set up their account.">
          <CreateResellerForm />
        </Card>
        <Card title="Reseller floor prices" description="The lowest monthly price a reseller may charge for each plan.">
          <div className="flex flex-col gap-4">
            {plans.map((plan) => (
              <div key={plan.id}>
                <p className="text-xs text-slate-500">List price {formatCents(plan.priceCents)}</p>
                <PlanFloorForm planId={plan.id} planName={plan.name} floorCents={plan.resellerFloorCents} />
              </div>
            ))}
          </div>
        </Card>
      </div>

      <Card title="Payouts" description="Manual payouts wait here until you record the bank transfer's reference.">
        {pendingPayouts.length === 0 ? <p className="text-sm text-slate-600">No manual payout is waiting.</p> : null}
        <ul className="flex flex-col divide-y divide-slate-100">
          {pendingPayouts.map((payout) => (
            <li key={payout.id} className="flex flex-wrap items-end justify-between gap-3 py-3">
              <span className="text-sm">
                <strong>{payout.payeeName}</strong> · <FormattedMonth value={payout.periodStart} /> · {formatCents(payout.totalCents)}
              </span>
              <PayoutReferenceForm payoutId={payout.id} label={`${payout.payeeName} ${platformFormat.month(payout.periodStart)}`} />
            </li>
          ))}
        </ul>
        {payouts.length > pendingPayouts.length ? (
          <ScrollBox label="Payouts" className="mt-4">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Reseller</th>
                <th scope="col" className="py-2 pr-4">Period</th>
                <th scope="col" className="py-2 pr-4 text-right">Total</th>
                <th scope="col" className="py-2 pr-4">Method</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2">Reference</th>
              </tr>
            </thead>
            <tbody>
              {payouts
                .filter((payout) => !pendingPayouts.includes(payout))
                .map((payout) => (
                  <tr key={payout.id} className="border-t border-slate-100">
                    <td className="py-2 pr-4">{payout.payeeName}</td>
                    <td className="py-2 pr-4"><FormattedMonth value={payout.periodStart} /></td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatCents(payout.totalCents)}</td>
                    <td className="py-2 pr-4">{payout.method}</td>
                    <td className="py-2 pr-4">{payout.status}</td>
                    <td className="py-2">{payout.reference ?? '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          </ScrollBox>
        ) : null}
      </Card>
    </section>
  );
}
