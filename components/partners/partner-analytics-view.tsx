import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { InstallsChart } from '@/components/marketplace/install-charts';
import { moneyList } from '@/components/payouts/money-lines';
import { UsageChart } from '@/components/developers/usage-chart';
import { Card } from '@/components/ui/card';
import { ScrollBox } from '@/components/ui/scroll-box';
import { createFormatter } from '@/lib/format/formatter';
import { PERIODS, DEFAULT_PERIOD } from '@/lib/partners/analytics/window';
import type { PartnerAnalytics } from '@/lib/partners/analytics/partner-analytics';
import { LatencyChart } from './latency-chart';
import { RevenueChart } from './revenue-chart';
import { WebhookChart } from './webhook-chart';
import { Figure } from '@/components/ui/stat-figure';

// The partner dashboard's analytics, for one app (its Analytics tab) or all of them (the
// overview): a period picker, headline figures, and one card per concern, each chart with its
// data as a table for screen readers. Revenue is shown per currency (never added across).

export async function PeriodPicker({ base, period }: { base: string; period: number }) {
  const t = await getTranslations('partnerApps.analytics');
  return (
    <nav aria-label={t('period')} className="flex flex-wrap gap-2 text-sm">
      {PERIODS.map((d) => (
        <Link
          key={d}
          href={d === DEFAULT_PERIOD ? base : `${base}?days=${d}`}
          aria-current={d === period ? 'page' : undefined}
          className={`rounded-full border px-3 py-1 ${d === period ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}
        >
          {t('lastDays', { days: d })}
        </Link>
      ))}
    </nav>
  );
}

/** `appNames`: on the overview, each app's name (failures then name their app); `extra`: more figures. */
export async function PartnerAnalyticsView({ analytics, base, appNames, extra }: { analytics: PartnerAnalytics; base: string; appNames?: Record<string, string>; extra?: ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations('partnerApps.analytics'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const { period, installs, apiCalls, webhooks, revenue } = analytics;
  const none = t('none');
  const rate = (ratio: number | null) => (ratio === null ? none : fmt.percent(ratio));
  const revenues = revenue?.byCurrency ?? [];
  return (
    <div className="flex flex-col gap-6" data-testid="partner-analytics">
      <PeriodPicker base={base} period={period} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label={t('activeInstalls')} value={fmt.number(installs.totals.activeNow)} testId="figure-active">
          {t('installsChange', { installs: fmt.number(installs.totals.installs), uninstalls: fmt.number(installs.totals.uninstalls), days: period })}
        </Figure>
        <Figure label={t('apiCalls', { days: period })} value={fmt.number(apiCalls.totals.calls)} testId="figure-calls" />
        <Figure label={t('serverErrors')} value={rate(apiCalls.totals.calls ? apiCalls.totals.serverErrorRate : null)} testId="figure-5xx">
          {t('clientErrors', { rate: rate(apiCalls.totals.calls ? apiCalls.totals.clientErrorRate : null) })}
        </Figure>
        <Figure label={t('latency')} value={t('latencyValue', { p50: fmt.milliseconds(apiCalls.totals.p50), p95: fmt.milliseconds(apiCalls.totals.p95) })} testId="figure-latency">
          {t('milliseconds')}
        </Figure>
        <Figure label={t('webhooksDelivered')} value={rate(webhooks.totals.successRate)} testId="figure-webhooks">
          {t('ofDeliveries', { deliveries: fmt.number(webhooks.totals.deliveries) })}
        </Figure>
        {revenue ? (
          <Figure
            label={t('netRevenue')}
            value={moneyList(
              fmt,
              revenues.map((own) => ({ currency: own.currency, cents: own.totals.netCents })),
            )}
            testId="figure-revenue"
          />
        ) : null}
        {extra}
      </dl>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title={t('installsTitle')} description={t('installsDescription')}>
          <InstallsChart days={installs.days} />
        </Card>
        <Card title={t('callsTitle')} description={t('callsDescription')}>
          <UsageChart days={apiCalls.days} />
        </Card>
        <Card title={t('latencyTitle')} description={t('latencyDescription')}>
          <LatencyChart days={apiCalls.days} />
        </Card>
        <Card title={t('webhooksTitle')} description={t('webhooksDescription')}>
          <WebhookChart days={webhooks.days} />
        </Card>
      </div>
      <Card title={t('failingTitle')} description={t('failingDescription')}>
        {webhooks.failingEndpoints.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="failing-endpoints-empty">
            {t('noFailures', { days: period })}
          </p>
        ) : (
          <ScrollBox label={t('failingTitle')}>
            <table className="w-full min-w-[34rem] text-start text-sm" data-testid="failing-endpoints">
              <thead className="text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="py-2 pe-3">
                    {t('workspace')}
                  </th>
                  <th scope="col" className="py-2 pe-3">
                    {t('host')}
                  </th>
                  {appNames ? (
                    <th scope="col" className="py-2 pe-3">
                      {t('app')}
                    </th>
                  ) : null}
                  <th scope="col" className="py-2 pe-3 text-end">
                    {t('failed')}
                  </th>
                  <th scope="col" className="py-2 pe-3 text-end">
                    {t('retrying')}
                  </th>
                  <th scope="col" className="py-2 pe-3 text-end">
                    {t('deliveries')}
                  </th>
                  <th scope="col" className="py-2 pe-3">
                    {t('lastFailure')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {webhooks.failingEndpoints.map((e) => (
                  <tr key={e.endpointId}>
                    <td className="py-2 pe-3 break-words">{e.workspace}</td>
                    <td className="py-2 pe-3 break-all" dir="ltr">
                      {e.host}
                    </td>
                    {appNames ? <td className="py-2 pe-3 break-words">{appNames[e.appId] ?? e.appId}</td> : null}
                    <td className="py-2 pe-3 text-end tabular-nums">{fmt.number(e.failed)}</td>
                    <td className="py-2 pe-3 text-end tabular-nums">{fmt.number(e.retrying)}</td>
                    <td className="py-2 pe-3 text-end tabular-nums">{fmt.number(e.deliveries)}</td>
                    <td className="py-2 pe-3">
                      {e.lastFailureAt
                        ? e.lastStatusCode
                          ? t('lastFailureWithStatus', { date: fmt.dateTime(e.lastFailureAt), status: e.lastStatusCode })
                          : fmt.dateTime(e.lastFailureAt)
                        : e.lastStatusCode
                          ? t('statusOnly', { status: e.lastStatusCode })
                          : none}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Card>
      {revenue ? (
        <Card title={t('revenueTitle')} description={t('revenueDescription')}>
          <div className="flex flex-col gap-6">
            {revenues.length ? (
              revenues.map((own) => <RevenueChart key={own.currency} months={own.months} currency={own.currency} />)
            ) : (
              <RevenueChart months={revenue.months} currency={null} />
            )}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
