import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ManualPayoutsWaiting, PayoutsTable } from '@/components/payouts/payouts-table';
import { Card } from '@/components/ui/card';
import { CreateResellerForm, PlanFloorForm, ResellerStatusButton, TermsForm } from '@/components/resellers/operator-forms';
import { RateForm } from '@/components/resellers/reseller-forms';
import { requireOperator } from '@/lib/auth/require-operator';
import { db } from '@/lib/db/client';
import { formatRate } from '@/lib/resellers/money';
import { listPayoutsForOperator } from '@/lib/payouts/operator-payouts';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import { listResellersForOperator } from '@/lib/resellers/resellers';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorResellers');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function OperatorResellersPage() {
  await requireOperator();
  const [resellers, payouts, plans, t, format] = await Promise.all([
    listResellersForOperator(),
    listPayoutsForOperator({ kind: 'reseller' }),
    db.plan.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, priceCents: true, resellerFloorCents: true } }),
    getTranslations('operatorResellers'),
    getPlatformFormatter(),
  ]);
  const pendingPayouts = payouts.filter((payout) => payout.method === 'manual' && payout.status === 'pending');
  return (
    <section className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-12">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>

      <Card title={t('list.title')} description={t('list.description')}>
        {resellers.length === 0 ? (
          <p className="text-sm text-slate-600">{t('list.empty')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100" data-testid="operator-resellers">
            {resellers.map((reseller) => (
              <li key={reseller.id} className="flex flex-col gap-3 py-4">
                <div className="flex flex-wrap items-baseline justify-between gap-3">
                  <div>
                    <span className="font-semibold text-slate-900">{reseller.name}</span>{' '}
                    <span className="text-sm text-slate-600">
                      {t('list.summary', {
                        tier: reseller.tier,
                        hasParent: reseller.parentName ? 'yes' : 'no',
                        parent: reseller.parentName ?? '',
                        rate: formatRate(reseller.commissionRateBps),
                        status: reseller.status,
                        clients: reseller.clientCount,
                        users: reseller.userEmails.join(', ') || t('list.noUsers'),
                      })}
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
        <Card title={t('create.title')} description={t('create.description')}>
          <CreateResellerForm />
        </Card>
        <Card title={t('floors.title')} description={t('floors.description')}>
          <div className="flex flex-col gap-4">
            {plans.map((plan) => (
              <div key={plan.id}>
                <p className="text-xs text-slate-500">{t('floors.listPrice', { price: format.money(plan.priceCents, 'usd') })}</p>
                <PlanFloorForm planId={plan.id} planName={plan.name} floorCents={plan.resellerFloorCents} />
              </div>
            ))}
          </div>
        </Card>
      </div>

      <Card title={t('payouts.title')} description={t('payouts.description')}>
        <ManualPayoutsWaiting payouts={pendingPayouts} />
        {payouts.length > pendingPayouts.length ? (
          <div className="mt-4">
            <PayoutsTable payouts={payouts.filter((payout) => !pendingPayouts.includes(payout))} label={t('payouts.title')} />
          </div>
        ) : null}
      </Card>
    </section>
  );
}
