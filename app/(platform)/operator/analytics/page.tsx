import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { DailyChart } from '@/components/platform/daily-chart';
import { WebhookChart } from '@/components/partners/webhook-chart';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CHART_COLORS } from '@/components/ui/chart';
import { PageHeader } from '@/components/ui/page-header';
import { TextField } from '@/components/ui/text-field';
import { requireOperator } from '@/lib/auth/require-operator';
import { platformAnalytics } from '@/lib/platform/analytics/platform-analytics';
import { MAX_RANGE_DAYS, parseAnalyticsRange, RANGE_PRESETS, DEFAULT_PRESET } from '@/lib/platform/analytics/range';
import { getPlatformFormatter } from '@/lib/platform/platform-format';
import { Figure } from '@/components/ui/stat-figure';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('operatorAnalytics');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

// The platform's figures over a range of days: sign-ups, people acting, revenue and churn, API
// calls and webhook deliveries. Each card says what it counts; the queries: lib/platform/analytics.
export default async function OperatorAnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const range = parseAnalyticsRange(await searchParams);
  const [{ signups, active, revenue, apiCalls, webhooks, totals }, t, format] = await Promise.all([platformAnalytics(range), getTranslations('operatorAnalytics'), getPlatformFormatter()]);
  const rate = (ratio: number | null) => (ratio === null ? '—' : format.percent(ratio));
  const series = {
    signups: [
      { key: 'workspaces', label: t('series.newWorkspaces'), color: CHART_COLORS.brand },
      { key: 'users', label: t('series.newAccounts'), color: CHART_COLORS.muted },
    ],
    active: [
      { key: 'dau', label: t('series.dau'), color: CHART_COLORS.brand },
      { key: 'wau', label: t('series.wau'), color: CHART_COLORS.ok },
      { key: 'mau', label: t('series.mau'), color: CHART_COLORS.warning },
    ],
    workspaces: [
      { key: 'activeWorkspaces', label: t('series.thatDay'), color: CHART_COLORS.brand },
      { key: 'activeWorkspaces30', label: t('series.in30Days'), color: CHART_COLORS.muted },
    ],
    mrr: [{ key: 'mrrCents', label: t('series.mrr'), color: CHART_COLORS.ok }],
    churn: [{ key: 'churnedMrrCents', label: t('series.churnedMrr'), color: CHART_COLORS.error }],
    api: [
      { key: 'ok', label: '2xx', color: CHART_COLORS.ok },
      { key: 'clientErrors', label: '4xx', color: CHART_COLORS.warning },
      { key: 'serverErrors', label: '5xx', color: CHART_COLORS.error },
    ],
  } as const;
  return (
    <div className="page flex flex-col gap-6">
      <PageHeader
        title={t('title')}
        description={range.preset ? t('descriptionPreset', { days: range.preset }) : t('descriptionRange', { from: format.day(range.from), to: format.day(range.to) })}
      />

      <div className="flex flex-col gap-3">
        <nav aria-label={t('period.label')} className="flex flex-wrap gap-2 text-sm">
          {RANGE_PRESETS.map((days) => (
            <Link
              key={days}
              href={days === DEFAULT_PRESET ? '/operator/analytics' : `/operator/analytics?days=${days}`}
              aria-current={days === range.preset ? 'page' : undefined}
              className={`rounded-full border px-3 py-1 ${days === range.preset ? 'border-brand bg-brand/10 text-brand-text' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}
            >
              {t('period.last', { days })}
            </Link>
          ))}
        </nav>
        {/* A plain GET form: the range lives in the URL. Keyed by it, so its fields follow the links above. */}
        <form key={`${range.from}:${range.to}`} method="get" action="/operator/analytics" aria-label={t('period.custom')} className="flex flex-wrap items-end gap-3">
          <TextField label={t('period.from')} name="from" type="date" defaultValue={range.from} />
          <TextField label={t('period.to')} name="to" type="date" defaultValue={range.to} />
          <button type="submit" className={buttonClass('secondary')}>
            {t('period.show')}
          </button>
          <p className="basis-full text-xs text-slate-600">{t('period.hint', { max: MAX_RANGE_DAYS })}</p>
        </form>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label={t('figures.newWorkspaces')} value={format.number(totals.newWorkspaces)} testId="figure-new-workspaces">
          {t('figures.newAccounts', { count: totals.newUsers })}
        </Figure>
        <Figure label={t('figures.activePeople', { date: format.shortDay(range.to) })} value={format.number(totals.dau)} testId="figure-dau">
          {t('figures.wauMau', { wau: format.number(totals.wau), mau: format.number(totals.mau) })}
        </Figure>
        <Figure label={t('figures.mrr', { date: format.shortDay(range.to) })} value={format.money(totals.mrrCents, 'usd')} testId="figure-mrr">
          {t('figures.paying', { count: totals.payingWorkspaces })}
        </Figure>
        <Figure label={t('figures.churnedMrr')} value={format.money(totals.churnedMrrCents, 'usd')} testId="figure-churn">
          {t('figures.churned', { count: totals.churnedWorkspaces, rate: rate(totals.mrrChurnRate) })}
        </Figure>
        <Figure label={t('figures.apiCalls')} value={format.number(totals.apiCalls)} testId="figure-api-calls">
          {t('figures.apiErrors', { rate: rate(totals.apiErrorRate) })}
        </Figure>
        <Figure label={t('figures.webhooks')} value={rate(totals.webhookSuccessRate)} testId="figure-webhooks">
          {t('figures.deliveries', { count: totals.webhookDeliveries })}
        </Figure>
      </dl>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card title={t('cards.signups.title')} description={t('cards.signups.description')}>
          <DailyChart rows={signups} series={series.signups} title={t('cards.signups.chart')} testId="signups-chart" />
        </Card>
        <Card title={t('cards.active.title')} description={t('cards.active.description')}>
          <DailyChart rows={active} series={series.active} kind="line" title={t('cards.active.chart')} testId="active-chart" />
        </Card>
        <Card title={t('cards.workspaces.title')} description={t('cards.workspaces.description')}>
          <DailyChart rows={active} series={series.workspaces} kind="line" title={t('cards.workspaces.chart')} testId="active-workspaces-chart" />
        </Card>
        <Card title={t('cards.mrr.title')} description={t('cards.mrr.description')}>
          <DailyChart rows={revenue.days} series={series.mrr} kind="line" money title={t('cards.mrr.chart')} testId="mrr-chart" />
        </Card>
        <Card title={t('cards.churn.title')} description={t('cards.churn.description', { churned: format.money(totals.churnedMrrCents, 'usd'), start: format.money(revenue.startMrrCents, 'usd') })}>
          <DailyChart rows={revenue.days} series={series.churn} money title={t('cards.churn.chart')} testId="churn-chart" />
        </Card>
        <Card title={t('cards.api.title')} description={t('cards.api.description')}>
          <DailyChart rows={apiCalls} series={series.api} stacked title={t('cards.api.chart')} testId="api-calls-chart" />
        </Card>
        <Card title={t('cards.webhooks.title')} description={t('cards.webhooks.description')}>
          <WebhookChart days={webhooks} />
        </Card>
      </div>
    </div>
  );
}
