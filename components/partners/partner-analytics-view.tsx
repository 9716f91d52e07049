import Link from 'next/link';
import type { ReactNode } from 'react';
import { InstallsChart } from '@/components/marketplace/install-charts';
import { UsageChart } from '@/components/developers/usage-chart';
import { Card } from '@/components/ui/card';
import { ScrollBox } from '@/components/ui/scroll-box';
import { FormattedDateTime } from '@/components/ui/formatted';
import { createFormatter } from '@/lib/format/formatter';
import { PERIODS, DEFAULT_PERIOD } from '@/lib/partners/analytics/window';
import type { PartnerAnalytics } from '@/lib/partners/analytics/partner-analytics';
import { LatencyChart } from './latency-chart';
import { RevenueChart } from './revenue-chart';
import { WebhookChart } from './webhook-chart';
import { Figure } from '@/components/ui/stat-figure';

// The partner dashboard's analytics, for one app (its Analytics tab) or all of them (the
// overview): a period picker, headline figures, and one card per concern, each chart with its
// data as a table for screen readers.

const fmt = createFormatter();

export function PeriodPicker({ base, period }: { base: string; period: number }) {
  return (
    <nav aria-label="Period" className="flex flex-wrap gap-2 text-sm">
      {PERIODS.map((d) => (
        <Link
          key={d}
          href={d === DEFAULT_PERIOD ? base : `${base}?days=${d}`}
          aria-current={d === period ? 'page' : undefined}
          className={`rounded-full border px-3 py-1 ${d === period ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}
        >
          Last {d} days
        </Link>
      ))}
    </nav>
  );
}

/** `appNames`: on the overview, each app's name (failures then name their app); `extra`: more figures. */
export function PartnerAnalyticsView({ analytics, base, appNames, extra }: { analytics: PartnerAnalytics; base: string; appNames?: Record<string, string>; extra?: ReactNode }) {
  const { period, installs, apiCalls, webhooks, revenue } = analytics;
  const rate = (ratio: number | null) => (ratio === null ? '—' : fmt.percent(ratio));
  return (
    <div className="flex flex-col gap-6" data-testid="partner-analytics">
      <PeriodPicker base={base} period={period} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Active installs" value={fmt.number(installs.totals.activeNow)} testId="figure-active">
          +{fmt.number(installs.totals.installs)} / −{fmt.number(installs.totals.uninstalls)} in {period} days
        </Figure>
        <Figure label={`API calls, ${period} days`} value={fmt.number(apiCalls.totals.calls)} testId="figure-calls" />
        <Figure label="Server errors (5xx)" value={rate(apiCalls.totals.calls ? apiCalls.totals.serverErrorRate : null)} testId="figure-5xx">
          4xx: {rate(apiCalls.totals.calls ? apiCalls.totals.clientErrorRate : null)}
        </Figure>
        <Figure label="Latency p50 / p95" value={`${fmt.milliseconds(apiCalls.totals.p50)} / ${fmt.milliseconds(apiCalls.totals.p95)}`} testId="figure-latency">
          milliseconds
        </Figure>
        <Figure label="Webhooks delivered" value={rate(webhooks.totals.successRate)} testId="figure-webhooks">
          of {fmt.number(webhooks.totals.deliveries)} deliveries
        </Figure>
        {revenue ? <Figure label="Net revenue, 12 months" value={fmt.money(revenue.totals.netCents, 'usd')} testId="figure-revenue" /> : null}
        {extra}
      </dl>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Installations" description="Installs and uninstalls per day, and the installations active at the end of each day. Your sandbox workspace is not counted.">
          <InstallsChart days={installs.days} />
        </Card>
        <Card title="API calls by status" description="Calls made with installation tokens, per day, by status class.">
          <UsageChart days={apiCalls.days} />
        </Card>
        <Card title="Latency" description="How long the API took to answer the calls: the median (p50) and the slowest 5% (p95).">
          <LatencyChart days={apiCalls.days} />
        </Card>
        <Card title="Webhook deliveries" description="Events delivered to the endpoints your installations registered. Retrying: the last attempt failed and another is scheduled.">
          <WebhookChart days={webhooks.days} />
        </Card>
      </div>
      <Card title="Failing webhook endpoints" description="Endpoints with failed or retrying deliveries in the period, by workspace and host.">
        {webhooks.failingEndpoints.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="failing-endpoints-empty">
            No failed deliveries in the last {period} days.
          </p>
        ) : (
          <ScrollBox label="Failing webhook endpoints">
            <table className="w-full min-w-[34rem] text-left text-sm" data-testid="failing-endpoints">
              <thead className="text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="py-2 pr-3">Workspace</th>
                  <th scope="col" className="py-2 pr-3">Host</th>
                  {appNames ? <th scope="col" className="py-2 pr-3">App</th> : null}
                  <th scope="col" className="py-2 pr-3 text-right">Failed</th>
                  <th scope="col" className="py-2 pr-3 text-right">Retrying</th>
                  <th scope="col" className="py-2 pr-3 text-right">Deliveries</th>
                  <th scope="col" className="py-2 pr-3">Last failure</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {webhooks.failingEndpoints.map((e) => (
                  <tr key={e.endpointId}>
                    <td className="py-2 pr-3 break-words">{e.workspace}</td>
                    <td className="py-2 pr-3 break-all">{e.host}</td>
                    {appNames ? <td className="py-2 pr-3 break-words">{appNames[e.appId] ?? e.appId}</td> : null}
                    <td className="py-2 pr-3 text-right tabular-nums">{fmt.number(e.failed)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{fmt.number(e.retrying)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{fmt.number(e.deliveries)}</td>
                    <td className="py-2 pr-3">
                      {e.lastFailureAt ? <FormattedDateTime value={e.lastFailureAt} /> : '—'}
                      {e.lastStatusCode ? ` (HTTP ${e.lastStatusCode})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Card>
      {revenue ? (
        <Card title="Revenue by month" description="Your share of what workspaces paid for your apps, after the platform fee and net of refunds; it becomes payable after the holding period.">
          <RevenueChart months={revenue.months} />
        </Card>
      ) : null}
    </div>
  );
}
