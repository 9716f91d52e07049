import type { Metadata } from 'next';
import Link from 'next/link';
import { DailyChart } from '@/components/platform/daily-chart';
import { WebhookChart } from '@/components/partners/webhook-chart';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CHART_COLORS } from '@/components/ui/chart';
import { PageHeader } from '@/components/ui/page-header';
import { TextField } from '@/components/ui/text-field';
import { requireOperator } from '@/lib/auth/require-operator';
import { createFormatter } from '@/lib/format/formatter';
import { platformAnalytics } from '@/lib/platform/analytics/platform-analytics';
import { MAX_RANGE_DAYS, parseAnalyticsRange, RANGE_PRESETS, DEFAULT_PRESET } from '@/lib/platform/analytics/range';
import { Figure } from '@/components/ui/stat-figure';

export const metadata: Metadata = { title: 'Analytics' };
export const dynamic = 'force-dynamic';

const format = createFormatter();

const SIGNUP_SERIES = [
  { key: 'workspaces', label: 'New workspaces', color: CHART_COLORS.brand },
  { key: 'users', label: 'New accounts', color: CHART_COLORS.muted },
] as const;
const ACTIVE_SERIES = [
  { key: 'dau', label: 'Daily (DAU)', color: CHART_COLORS.brand },
  { key: 'wau', label: '7 days (WAU)', color: CHART_COLORS.ok },
  { key: 'mau', label: '30 days (MAU)', color: CHART_COLORS.warning },
] as const;
const WORKSPACE_SERIES = [
  { key: 'activeWorkspaces', label: 'That day', color: CHART_COLORS.brand },
  { key: 'activeWorkspaces30', label: 'In 30 days', color: CHART_COLORS.muted },
] as const;
const MRR_SERIES = [{ key: 'mrrCents', label: 'MRR', color: CHART_COLORS.ok }] as const;
const CHURN_SERIES = [{ key: 'churnedMrrCents', label: 'Churned MRR', color: CHART_COLORS.error }] as const;
const API_SERIES = [
  { key: 'ok', label: '2xx', color: CHART_COLORS.ok },
  { key: 'clientErrors', label: '4xx', color: CHART_COLORS.warning },
  { key: 'serverErrors', label: '5xx', color: CHART_COLORS.error },
] as const;

const rate = (ratio: number | null) => (ratio === null ? '—' : format.percent(ratio));

// The platform's figures over a range of days: sign-ups, people acting, revenue and churn, API
// calls and webhook deliveries. Each card says what it counts; the queries: lib/platform/analytics.
export default async function OperatorAnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const range = parseAnalyticsRange(await searchParams);
  const { signups, active, revenue, apiCalls, webhooks, totals } = await platformAnalytics(range);
  const span = range.preset ? `the last ${range.preset} days` : `${format.day(range.from)} – ${format.day(range.to)}`;
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader title="Analytics" description={`The whole platform, ${span} (UTC days). Partners' sandbox workspaces are left out.`} />

      <div className="flex flex-col gap-3">
        <nav aria-label="Period" className="flex flex-wrap gap-2 text-sm">
          {RANGE_PRESETS.map((days) => (
            <Link
              key={days}
              href={days === DEFAULT_PRESET ? '/operator/analytics' : `/operator/analytics?days=${days}`}
              aria-current={days === range.preset ? 'page' : undefined}
              className={`rounded-full border px-3 py-1 ${days === range.preset ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}
            >
              Last {days} days
            </Link>
          ))}
        </nav>
        {/* A plain GET form: the range lives in the URL. Keyed by it, so its fields follow the links above. */}
        <form key={`${range.from}:${range.to}`} method="get" action="/operator/analytics" aria-label="Custom period" className="flex flex-wrap items-end gap-3">
          <TextField label="From" name="from" type="date" defaultValue={range.from} />
          <TextField label="To" name="to" type="date" defaultValue={range.to} />
          <button type="submit" className={buttonClass('secondary')}>
            Show
          </button>
          <p className="basis-full text-xs text-slate-600">Up to {MAX_RANGE_DAYS} days, ending today at the latest; otherwise the last 30 days are shown.</p>
        </form>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="New workspaces" value={format.number(totals.newWorkspaces)} testId="figure-new-workspaces">
          {format.number(totals.newUsers)} new accounts
        </Figure>
        <Figure label={`Active people, ${format.shortDay(range.to)}`} value={format.number(totals.dau)} testId="figure-dau">
          WAU {format.number(totals.wau)} · MAU {format.number(totals.mau)}
        </Figure>
        <Figure label={`MRR, ${format.shortDay(range.to)}`} value={format.money(totals.mrrCents, 'usd')} testId="figure-mrr">
          {format.plural(totals.payingWorkspaces, { one: 'paying workspace', other: 'paying workspaces' })}
        </Figure>
        <Figure label="Churned MRR" value={format.money(totals.churnedMrrCents, 'usd')} testId="figure-churn">
          {format.plural(totals.churnedWorkspaces, { one: 'workspace', other: 'workspaces' })}, {rate(totals.mrrChurnRate)} of the starting MRR
        </Figure>
        <Figure label="API calls" value={format.number(totals.apiCalls)} testId="figure-api-calls">
          {rate(totals.apiErrorRate)} errors (4xx, 5xx)
        </Figure>
        <Figure label="Webhooks delivered" value={rate(totals.webhookSuccessRate)} testId="figure-webhooks">
          of {format.number(totals.webhookDeliveries)} deliveries
        </Figure>
      </dl>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Sign-ups" description="New workspaces, and new accounts (people signing up or accepting an invitation), per day.">
          <DailyChart rows={signups} series={SIGNUP_SERIES} title="New workspaces and accounts per day" testId="signups-chart" />
        </Card>
        <Card
          title="Active people"
          description="People who did something recorded (a goal, a check-in, a comment, kudos, a change in settings; in the app or through the API) that day, in the 7 days and in the 30 days ending that day. Reading alone leaves no dated record and is not counted; events are kept a year."
        >
          <DailyChart rows={active} series={ACTIVE_SERIES} kind="line" title="Active people per day: daily, 7 days and 30 days" testId="active-chart" />
        </Card>
        <Card title="Active workspaces" description="Workspaces where at least one person acted (as above) that day, and in the 30 days ending that day.">
          <DailyChart rows={active} series={WORKSPACE_SERIES} kind="line" title="Active workspaces per day" testId="active-workspaces-chart" />
        </Card>
        <Card
          title="Monthly recurring revenue"
          description={
            <>
              At the end of each day: the monthly price of each active or past-due workspace’s plan at that time (its reseller’s price where set, else the list price; today’s prices), rebuilt from
              the plan and status changes in the workspaces’ audit logs. Contracted revenue, not money collected: Stripe’s invoice amounts are not stored. Erased workspaces leave no history.
            </>
          }
        >
          <DailyChart rows={revenue.days} series={MRR_SERIES} kind="line" money title="MRR at the end of each day" testId="mrr-chart" />
        </Card>
        <Card title="Churn" description={`The MRR of workspaces that paid at the end of the day before and not at the end of this one (suspended, closed, or on a free plan). Over the period: ${format.money(totals.churnedMrrCents, 'usd')} of ${format.money(revenue.startMrrCents, 'usd')} at its start.`}>
          <DailyChart rows={revenue.days} series={CHURN_SERIES} money title="Churned MRR per day" testId="churn-chart" />
        </Card>
        <Card title="API calls" description="Requests to the public API (API keys and OAuth tokens) per day, by status class. The request log keeps 90 days.">
          <DailyChart rows={apiCalls} series={API_SERIES} stacked title="API calls per day by status class" testId="api-calls-chart" />
        </Card>
        <Card title="Webhook deliveries" description="Events delivered to workspaces’ endpoints, by the day of the event. Retrying: the last attempt failed and another is scheduled. Finished deliveries are kept 30 days.">
          <WebhookChart days={webhooks} />
        </Card>
      </div>
    </div>
  );
}
