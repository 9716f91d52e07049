import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { ChoosePlanButton, ManageBillingButton, PayInvoiceButton } from '@/components/billing/plan-actions';
import { AppAddOns } from '@/components/billing/app-add-ons';
import { Card } from '@/components/ui/card';
import { paidAppCharges } from '@/lib/marketplace/app-charges';
import { billingOverview, type PlanCard } from '@/lib/billing/overview';
import type { Formatter } from '@/lib/format/formatter';
import { getFormatter } from '@/lib/format/server';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { isServable } from '@/lib/tenancy/tenant-context';

export const metadata: Metadata = { title: 'Billing' };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

const dollars = (fmt: Formatter, cents: number) => fmt.money(cents, 'usd', { wholeUnits: true });

const overagePrice = (fmt: Formatter, cents: number | null) => (cents === null ? 'the overage price' : `${dollars(fmt, cents)} per ${fmt.number(1000)} requests`);

const daysLeft = (fmt: Formatter, days: number) => `${fmt.plural(days, { one: 'day', other: 'days' })} left`;

function actionLabel(plan: PlanCard, currentPriceCents: number, subscribed: boolean): string {
  if (!plan.purchasable) return `Downgrade to ${plan.name}`;
  if (!subscribed) return 'Subscribe';
  return plan.priceCents > currentPriceCents ? 'Upgrade' : 'Change plan';
}

// Owners manage billing; admins see it read-only. A suspended workspace still serves this
// page (proxy.ts), to its owners only, so they can pay.
export default async function BillingPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Search> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'settings.manage');
  const isOwner = can(member.role, 'billing.manage');
  if (!isServable(tenant.status) && !isOwner) forbidden();
  const [overview, fmt, appCharges] = await Promise.all([billingOverview(tenant), getFormatter(tenant), paidAppCharges(tenant.id)]);
  const { checkout } = await searchParams;
  const subscribed = overview.subscription.status !== null && ['trialing', 'active', 'past_due'].includes(overview.subscription.status);
  const usedRatio = overview.usage.quota === 0 ? 1 : Math.min(1, overview.usage.requests / overview.usage.quota);
  const canAct = isOwner && overview.configured;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">Billing</h1>

      {checkout === 'success' ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Thank you! Your subscription is being confirmed by Stripe; the new plan shows here within a few seconds.
        </p>
      ) : checkout === 'canceled' ? (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Checkout was canceled. Nothing was charged.
        </p>
      ) : null}

      {overview.trial ? (
        <section data-testid="billing-trial" className="rounded-lg border border-brand bg-white p-4 text-sm text-slate-700">
          <p className="font-semibold text-slate-900">
            Your {overview.trial.planName} trial ends on {fmt.date(overview.trial.endsAt)} ({daysLeft(fmt, overview.trial.daysLeft)})
          </p>
          <p className="mt-1">
            Everything in {overview.trial.planName} is yours until then, free. To keep it, choose a plan before the trial ends; otherwise {tenant.name} moves to the Free plan.
            Nothing is deleted: what Free does not include is kept, read-only, for when you upgrade.
          </p>
        </section>
      ) : null}

      {!overview.configured ? (
        <section data-testid="billing-not-configured" className="rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm text-slate-700">
          <p className="font-semibold text-slate-900">Billing is not configured</p>
          <p className="mt-1">
            Online payment is not set up on this server, so plans cannot be bought here. The platform operator can change this workspace&apos;s plan; contact them to upgrade.
          </p>
        </section>
      ) : null}

      {overview.suspension ? (
        <section role="alert" data-testid="billing-suspended" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">{tenant.name} is suspended</p>
          {overview.suspension.forNonPayment ? (
            <p className="mt-1">
              An invoice has not been paid, so nobody can use the workspace. Nothing has been deleted: access comes back for everyone as soon as the invoice is paid.
            </p>
          ) : (
            <p className="mt-1">The platform operator suspended this workspace. Contact them to lift the suspension.</p>
          )}
        </section>
      ) : null}

      {overview.dunning ? (
        <section role="alert" data-testid="billing-dunning" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">A payment failed</p>
          <ul className="mt-1 flex flex-col gap-1">
            <li>The payment failed on {fmt.date(overview.dunning.since)}.</li>
            {overview.dunning.nextRetry ? <li>Stripe tries the card again on {fmt.date(overview.dunning.nextRetry)}.</li> : null}
            {overview.suspension ? null : (
              <li>
                Unless the invoice is paid, {tenant.name} is suspended on <strong>{fmt.date(overview.dunning.suspendsOn)}</strong>.
              </li>
            )}
          </ul>
        </section>
      ) : overview.subscription.unpaidInvoice ? (
        <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">A payment failed</p>
          <p className="mt-1">An invoice is unpaid. Pay it to keep {tenant.name} running.</p>
        </section>
      ) : null}

      {canAct && (overview.subscription.unpaidInvoice || overview.subscription.resumeExisting) ? (
        <section data-testid="billing-resume" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
          <p>
            {overview.subscription.unpaidInvoice || overview.subscription.status === 'unpaid'
              ? 'Pay the open invoice to resume your subscription; the plan and everything in the workspace stay as they are.'
              : 'Your subscription is not active yet. Resume or complete it on Stripe before changing the plan.'}
          </p>
          <div className="shrink-0">{overview.subscription.unpaidInvoice || overview.subscription.status === 'unpaid' ? <PayInvoiceButton /> : <ManageBillingButton />}</div>
        </section>
      ) : null}

      <Card title="Current plan">
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">Plan</dt>
            <dd className="mt-1 text-xl font-bold text-slate-900" data-testid="current-plan">
              {overview.plan.name}
            </dd>
            <dd className="text-sm text-slate-600">{overview.trial ? `Free during the trial, then ${dollars(fmt, overview.plan.priceCents)} a month` : `${dollars(fmt, overview.plan.priceCents)} a month`}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Status</dt>
            <dd className="mt-1 font-semibold text-slate-900" data-testid="billing-status">
              {overview.subscription.status ?? (overview.trial ? 'trial' : overview.plan.priceCents === 0 ? 'free' : 'set by the operator')}
            </dd>
            {overview.trial && !overview.subscription.currentPeriodEnd ? (
              <dd className="text-sm text-slate-600" data-testid="billing-trial-days">
                {daysLeft(fmt, overview.trial.daysLeft)}, until {fmt.date(overview.trial.endsAt)}
              </dd>
            ) : null}
            {overview.subscription.currentPeriodEnd ? (
              <dd className="text-sm text-slate-600">
                {overview.subscription.cancelAtPeriodEnd ? 'Ends' : 'Renews'} on {fmt.date(overview.subscription.currentPeriodEnd)}
              </dd>
            ) : null}
          </div>
          <div>
            <dt className="text-sm text-slate-600">Members</dt>
            <dd className="mt-1 font-semibold text-slate-900" data-testid="billing-members">
              {fmt.number(overview.members.used)} of {fmt.number(overview.members.limit)}
            </dd>
            <dd className="text-sm text-slate-600">pending invitations count too</dd>
          </div>
        </dl>

        <div className="mt-6">
          <p className="text-sm text-slate-600">
            API requests from {fmt.date(overview.usage.periodStart)} to {fmt.date(new Date(new Date(overview.usage.periodEnd).getTime() - 1).toISOString())}
          </p>
          <p className="mt-1 text-lg font-semibold text-slate-900" data-testid="billing-usage">
            {fmt.number(overview.usage.requests)} of {fmt.number(overview.usage.quota)}
          </p>
          <span className="mt-2 block h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <span className={`block h-full ${usedRatio >= 0.9 ? 'bg-red-500' : 'bg-brand'}`} style={{ width: `${usedRatio * 100}%` }} />
          </span>
          <p className="mt-2 text-sm text-slate-600" data-testid="billing-overage">
            {overview.usage.hardLimit
              ? 'The API stops answering (429) when the quota is used up, until the next period. Upgrade to raise it.'
              : overview.usage.overage > 0
                ? `${fmt.number(overview.usage.overage)} requests over the quota so far, billed at ${overagePrice(fmt, overview.usage.overagePer1000Cents)} with your next invoice.`
                : `Requests beyond the quota are billed at ${overagePrice(fmt, overview.usage.overagePer1000Cents)} with your next invoice.`}
          </p>
        </div>

        {canAct && overview.subscription.hasCustomer ? (
          <div className="mt-6">
            <ManageBillingButton />
          </div>
        ) : null}
        {!isOwner ? <p className="mt-6 text-sm text-slate-600">Only owners can change the plan or manage billing.</p> : null}
      </Card>

      <AppAddOns charges={appCharges} fmt={fmt} />

      <section aria-label="Plans" className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {overview.plans.map((plan) => (
          <article key={plan.id} data-testid={`plan-${plan.id}`} className={`flex flex-col rounded-lg border bg-white p-5 shadow-sm ${plan.current ? 'border-brand ring-2 ring-brand' : 'border-slate-200'}`}>
            <h2 className="text-lg font-semibold text-slate-900">{plan.name}</h2>
            <p className="mt-1 text-2xl font-bold text-slate-900">
              {dollars(fmt, plan.priceCents)}
              <span className="text-sm font-normal text-slate-600"> / month</span>
            </p>
            <ul className="mt-4 flex flex-col gap-1 text-sm text-slate-700">
              <li>Up to {fmt.number(plan.limits.members)} members</li>
              <li>{fmt.number(plan.limits.apiRequestsPerMonth)} API requests a month</li>
              <li data-testid={`plan-${plan.id}-overage`}>{plan.overagePer1000Cents === null ? 'API stops at the quota' : `Then ${overagePrice(fmt, plan.overagePer1000Cents)}`}</li>
              <li>The core product: goals, habits, teams</li>
              {plan.features.map((feature) => (
                <li key={feature.feature} title={feature.description}>
                  {feature.label}
                </li>
              ))}
            </ul>
            {!plan.current && plan.unlocks.length > 0 ? (
              <p className="mt-4 text-sm text-slate-600">
                <span className="font-semibold text-slate-800">Unlocks:</span> {plan.unlocks.join(', ')}
              </p>
            ) : null}
            <div className="mt-auto pt-5">
              {plan.current && overview.trial ? (
                // During a trial its plan is current but not bought yet: buying it keeps it.
                <div className="flex flex-col gap-2">
                  <p className="text-sm font-semibold text-brand-text">Your trial plan</p>
                  {canAct && !overview.subscription.resumeExisting && plan.purchasable ? (
                    <ChoosePlanButton plan={plan.id} planName={plan.name} label={actionLabel(plan, overview.plan.priceCents, subscribed)} />
                  ) : null}
                </div>
              ) : plan.current ? (
                <p className="text-sm font-semibold text-brand-text">Your current plan</p>
              ) : overview.trial && !plan.purchasable ? (
                <p className="text-sm text-slate-600">Where {tenant.name} goes when the trial ends, unless you choose a plan.</p>
              ) : canAct && !overview.subscription.resumeExisting ? (
                <ChoosePlanButton plan={plan.id} planName={plan.name} label={actionLabel(plan, overview.plan.priceCents, subscribed)} />
              ) : null}
            </div>
          </article>
        ))}
      </section>
    </div>
  );
}
