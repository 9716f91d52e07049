import type { Metadata } from 'next';
import { ManualPayoutsWaiting, PayoutsTable } from '@/components/payouts/payouts-table';
import { Card } from '@/components/ui/card';
import { CreateResellerForm, PlanFloorForm, ResellerStatusButton, TermsForm } from '@/components/resellers/operator-forms';
import { RateForm } from '@/components/resellers/reseller-forms';
import { requireOperator } from '@/lib/auth/require-operator';
import { db } from '@/lib/db/client';
import { formatCents, formatRate } from '@/lib/resellers/money';
import { listPayoutsForOperator } from '@/lib/payouts/operator-payouts';
import { listResellersForOperator } from '@/lib/resellers/resellers';


export const metadata: Metadata = { title: 'Resellers · Operator' };
export const dynamic = 'force-dynamic';

export default async function OperatorResellersPage() {
  await requireOperator();
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
        <ManualPayoutsWaiting payouts={pendingPayouts} />
        {payouts.length > pendingPayouts.length ? (
          <div className="mt-4">
            <PayoutsTable payouts={payouts.filter((payout) => !pendingPayouts.includes(payout))} label="Payouts" />
          </div>
        ) : null}
      </Card>
    </section>
  );
}
