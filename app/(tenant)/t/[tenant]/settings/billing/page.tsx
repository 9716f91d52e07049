import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ChoosePlanButton, ManageBillingButton, PayInvoiceButton } from '@/components/billing/plan-actions';
import { AppAddOns } from '@/components/billing/app-add-ons';
import { CurrencyPicker } from '@/components/billing/currency-picker';
import { Card } from '@/components/ui/card';
import { paidAppCharges } from '@/lib/marketplace/app-charges';
import { billingOverview, type PlanCard } from '@/lib/billing/overview';
import type { Formatter } from '@/lib/format/formatter';
import { getFormatter } from '@/lib/format/server';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';
import { isServable } from '@/lib/tenancy/tenant-context';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('billing.page'))('title') };
}
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

/** Subscription statuses as Stripe names them (BillingAccount.subscriptionStatus). */
const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'paused'] as const;

// Every amount of the overview is in the workspace's billing currency.
const priceIn = (fmt: Formatter, currency: string) => (cents: number) => fmt.money(cents, currency, { wholeUnits: true });

// Owners manage billing; admins see it read-only. A suspended workspace still serves this
// page (proxy.ts), to its owners only, so they can pay.
export default async function BillingPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Search> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant, 'settings.manage');
  const isOwner = can(member.role, 'billing.manage');
  if (!isServable(tenant.status) && !isOwner) forbidden();
  const [overview, fmt, appCharges, t, features] = await Promise.all([billingOverview(tenant), getFormatter(tenant), paidAppCharges(tenant.id), getTranslations('billing.page'), getTranslations('billing.features')]);
  const { checkout } = await searchParams;
  const price = priceIn(fmt, overview.currency);
  const subscribed = overview.subscription.status !== null && ['trialing', 'active', 'past_due'].includes(overview.subscription.status);
  const usedRatio = overview.usage.quota === 0 ? 1 : Math.min(1, overview.usage.requests / overview.usage.quota);
  const canAct = isOwner && overview.configured;
  const overagePrice = (cents: number | null) => (cents === null ? t('overagePriceUnknown') : t('overagePrice', { price: price(cents), requests: fmt.number(1000) }));
  const actionLabel = (plan: PlanCard): string => {
    if (!plan.purchasable) return t('downgradeTo', { plan: plan.name });
    if (!subscribed) return t('subscribe');
    return plan.priceCents > overview.plan.priceCents ? t('upgrade') : t('changePlan');
  };
  const subscriptionStatus = (status: string) => {
    const known = SUBSCRIPTION_STATUSES.find((s) => s === status);
    return known ? t(`subscriptionStatus.${known}`) : status;
  };
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>

      {checkout === 'success' ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t('checkoutSuccess')}
        </p>
      ) : checkout === 'canceled' ? (
        <p role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t('checkoutCanceled')}
        </p>
      ) : null}

      {overview.trial ? (
        <section data-testid="billing-trial" className="rounded-lg border border-brand bg-white p-4 text-sm text-slate-700">
          <p className="font-semibold text-slate-900">{t('trialEnds', { plan: overview.trial.planName, date: fmt.date(overview.trial.endsAt), days: overview.trial.daysLeft })}</p>
          <p className="mt-1">{t('trialBody', { plan: overview.trial.planName, workspace: tenant.name })}</p>
        </section>
      ) : null}

      {!overview.configured ? (
        <section data-testid="billing-not-configured" className="rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm text-slate-700">
          <p className="font-semibold text-slate-900">{t('notConfiguredTitle')}</p>
          <p className="mt-1">{t('notConfiguredBody')}</p>
        </section>
      ) : null}

      {overview.suspension ? (
        <section role="alert" data-testid="billing-suspended" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">{t('suspendedTitle', { workspace: tenant.name })}</p>
          <p className="mt-1">{overview.suspension.forNonPayment ? t('suspendedForNonPayment') : t('suspendedByOperator')}</p>
        </section>
      ) : null}

      {overview.dunning ? (
        <section role="alert" data-testid="billing-dunning" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">{t('paymentFailed')}</p>
          <ul className="mt-1 flex flex-col gap-1">
            <li>{t('failedOn', { date: fmt.date(overview.dunning.since) })}</li>
            {overview.dunning.nextRetry ? <li>{t('retryOn', { date: fmt.date(overview.dunning.nextRetry) })}</li> : null}
            {overview.suspension ? null : <li>{t.rich('suspendsOn', { workspace: tenant.name, date: fmt.date(overview.dunning.suspendsOn), strong })}</li>}
          </ul>
        </section>
      ) : overview.subscription.unpaidInvoice ? (
        <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">{t('paymentFailed')}</p>
          <p className="mt-1">{t('unpaid', { workspace: tenant.name })}</p>
        </section>
      ) : null}

      {canAct && (overview.subscription.unpaidInvoice || overview.subscription.resumeExisting) ? (
        <section data-testid="billing-resume" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
          <p>{overview.subscription.unpaidInvoice || overview.subscription.status === 'unpaid' ? t('resumePay') : t('resumeComplete')}</p>
          <div className="shrink-0">{overview.subscription.unpaidInvoice || overview.subscription.status === 'unpaid' ? <PayInvoiceButton /> : <ManageBillingButton />}</div>
        </section>
      ) : null}

      <Card title={t('currentPlan')}>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">{t('plan')}</dt>
            <dd className="mt-1 text-xl font-bold text-slate-900" data-testid="current-plan">
              {overview.plan.name}
            </dd>
            <dd className="text-sm text-slate-600">{overview.trial ? t('freeDuringTrial', { price: price(overview.plan.priceCents) }) : t('perMonth', { price: price(overview.plan.priceCents) })}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('status')}</dt>
            <dd className="mt-1 font-semibold text-slate-900" data-testid="billing-status">
              {overview.subscription.status ? subscriptionStatus(overview.subscription.status) : overview.trial ? t('statusTrial') : overview.plan.priceCents === 0 ? t('statusFree') : t('statusByOperator')}
            </dd>
            {overview.trial && !overview.subscription.currentPeriodEnd ? (
              <dd className="text-sm text-slate-600" data-testid="billing-trial-days">
                {t('trialDaysUntil', { days: overview.trial.daysLeft, date: fmt.date(overview.trial.endsAt) })}
              </dd>
            ) : null}
            {overview.subscription.currentPeriodEnd ? (
              <dd className="text-sm text-slate-600">
                {overview.subscription.cancelAtPeriodEnd ? t('endsOn', { date: fmt.date(overview.subscription.currentPeriodEnd) }) : t('renewsOn', { date: fmt.date(overview.subscription.currentPeriodEnd) })}
              </dd>
            ) : null}
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('members')}</dt>
            <dd className="mt-1 font-semibold text-slate-900" data-testid="billing-members">
              {t('usedOf', { used: fmt.number(overview.members.used), limit: fmt.number(overview.members.limit) })}
            </dd>
            <dd className="text-sm text-slate-600">{t('pendingCount')}</dd>
          </div>
        </dl>

        <div className="mt-6">
          <p className="text-sm text-slate-600">{t('requestsPeriod', { start: fmt.date(overview.usage.periodStart), end: fmt.date(new Date(new Date(overview.usage.periodEnd).getTime() - 1).toISOString()) })}</p>
          <p className="mt-1 text-lg font-semibold text-slate-900" data-testid="billing-usage">
            {t('usedOf', { used: fmt.number(overview.usage.requests), limit: fmt.number(overview.usage.quota) })}
          </p>
          <span className="mt-2 block h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <span className={`block h-full ${usedRatio >= 0.9 ? 'bg-red-500' : 'bg-brand'}`} style={{ width: `${usedRatio * 100}%` }} />
          </span>
          <p className="mt-2 text-sm text-slate-600" data-testid="billing-overage">
            {overview.usage.hardLimit
              ? t('hardLimit')
              : overview.usage.overage > 0
                ? t('overageSoFar', { overage: overview.usage.overage, price: overagePrice(overview.usage.overagePer1000Cents) })
                : t('overageBilled', { price: overagePrice(overview.usage.overagePer1000Cents) })}
          </p>
        </div>

        {canAct && overview.subscription.hasCustomer ? (
          <div className="mt-6">
            <ManageBillingButton />
          </div>
        ) : null}
        {!isOwner ? <p className="mt-6 text-sm text-slate-600">{t('ownersOnly')}</p> : null}
      </Card>

      <AppAddOns charges={appCharges} fmt={fmt} />

      <CurrencyPicker currency={overview.currency} currencies={overview.currencies} changeable={overview.currencyChangeable} canChange={isOwner} />

      <section aria-label={t('plans')} className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {overview.plans.map((plan) => (
          <article key={plan.id} data-testid={`plan-${plan.id}`} className={`flex flex-col rounded-lg border bg-white p-5 shadow-sm ${plan.current ? 'border-brand ring-2 ring-brand' : 'border-slate-200'}`}>
            <h2 className="text-lg font-semibold text-slate-900">{plan.name}</h2>
            <p className="mt-1 text-2xl font-bold text-slate-900">
              {t.rich('planPrice', { price: price(plan.priceCents), muted: (chunks) => <span className="text-sm font-normal text-slate-600">{chunks}</span> })}
            </p>
            <ul className="mt-4 flex flex-col gap-1 text-sm text-slate-700">
              <li>{t('upToMembers', { count: plan.limits.members })}</li>
              <li>{t('requestsAMonth', { count: plan.limits.apiRequestsPerMonth })}</li>
              <li data-testid={`plan-${plan.id}-overage`}>{plan.overagePer1000Cents === null ? t('stopsAtQuota') : t('thenOverage', { price: overagePrice(plan.overagePer1000Cents) })}</li>
              <li>{t('coreProduct')}</li>
              {plan.features.map((feature) => (
                <li key={feature.feature} title={features(`${feature.feature}.description`)}>
                  {features(`${feature.feature}.label`)}
                </li>
              ))}
            </ul>
            {!plan.current && plan.unlocks.length > 0 ? (
              <p className="mt-4 text-sm text-slate-600">
                {t.rich('unlocks', {
                  features: new Intl.ListFormat(fmt.settings.locale, { type: 'unit' }).format(plan.features.filter((feature) => plan.unlocks.includes(feature.label)).map((feature) => features(`${feature.feature}.label`))),
                  label: (chunks) => <span className="font-semibold text-slate-800">{chunks}</span>,
                })}
              </p>
            ) : null}
            <div className="mt-auto pt-5">
              {plan.current && overview.trial ? (
                // During a trial its plan is current but not bought yet: buying it keeps it.
                <div className="flex flex-col gap-2">
                  <p className="text-sm font-semibold text-brand-text">{t('yourTrialPlan')}</p>
                  {canAct && !overview.subscription.resumeExisting && plan.purchasable ? <ChoosePlanButton plan={plan.id} planName={plan.name} label={actionLabel(plan)} /> : null}
                </div>
              ) : plan.current ? (
                <p className="text-sm font-semibold text-brand-text">{t('yourCurrentPlan')}</p>
              ) : overview.trial && !plan.purchasable ? (
                <p className="text-sm text-slate-600">{t('trialFallback', { workspace: tenant.name })}</p>
              ) : canAct && !overview.subscription.resumeExisting ? (
                <ChoosePlanButton plan={plan.id} planName={plan.name} label={actionLabel(plan)} />
              ) : null}
            </div>
          </article>
        ))}
      </section>
    </div>
  );
}
