import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { MoneyLines, moneyList } from '@/components/payouts/money-lines';
import { CommissionTable } from '@/components/resellers/commission-table';
import { TrendChart } from '@/components/resellers/trend-chart';
import { Card } from '@/components/ui/card';
import { createFormatter } from '@/lib/format/formatter';
import { clientSummary, earningsSummary, monthlyTrend, monthlyTrendByCurrency, recentCommissions, topProductsByCurrency } from '@/lib/resellers/dashboard';
import { requireReseller } from '@/lib/resellers/reseller-session';
import type { ReactNode } from 'react';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.meta'))('dashboard') };
}
export const dynamic = 'force-dynamic';

function Stat({ label, value, note, testId }: { label: string; value: ReactNode; note?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold wrap-anywhere text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
      {note ? <p className="mt-1 text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}

export default async function ResellerOverviewPage() {
  const actor = await requireReseller();
  const [earnings, clients, trends, products, recent, t, locale] = await Promise.all([
    earningsSummary(actor),
    clientSummary(actor),
    monthlyTrendByCurrency(actor),
    topProductsByCurrency(actor),
    recentCommissions(actor, 20),
    getTranslations('reseller.overview'),
    getLocale(),
  ]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const amounts = (key: 'totalCents' | 'paidCents' | 'pendingCents' | 'holdingCents' | 'availableCents') => earnings.byCurrency.map((row) => ({ currency: row.currency, cents: row[key] }));
  // Nothing earned yet: the last 12 months, all zero, in no currency.
  const charts = trends.length ? trends : [{ currency: null, points: await monthlyTrend(actor) }];
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t('totalEarned')} value={<MoneyLines fmt={fmt} amounts={amounts('totalCents')} />} testId="earnings-total" />
        <Stat label={t('paid')} value={<MoneyLines fmt={fmt} amounts={amounts('paidCents')} />} testId="earnings-paid" />
        <Stat
          label={t('pending')}
          value={<MoneyLines fmt={fmt} amounts={amounts('pendingCents')} />}
          note={t('pendingNote', { holding: moneyList(fmt, amounts('holdingCents')), available: moneyList(fmt, amounts('availableCents')) })}
          testId="earnings-pending"
        />
        <Stat label={t('clients')} value={fmt.number(clients.total)} testId="clients-total" />
        <Stat label={t('activeClients')} value={fmt.number(clients.active)} testId="clients-active" />
      </div>
      <Card title={t('trendTitle')}>
        <div className="flex flex-col gap-6">
          {charts.map((chart) => (
            <TrendChart key={chart.currency ?? 'none'} points={chart.points} currency={chart.currency} />
          ))}
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t('topProducts')} className="min-w-0 lg:col-span-1">
          {products.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noCommissions')}</p>
          ) : (
            <ol className="flex flex-col gap-2 text-sm">
              {products.map((product) => (
                <li key={`${product.planId}-${product.currency}`} className="flex justify-between gap-4">
                  <span>{t.rich('product', { plan: product.planId === 'unknown' ? t('unknownPlan') : product.planName, invoices: product.invoices, muted: (chunks) => <span className="text-slate-500">{chunks}</span> })}</span>
                  <span className="font-medium tabular-nums">{fmt.money(product.commissionCents, product.currency)}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={t('latest')} className="min-w-0 lg:col-span-2">
          <CommissionTable lines={recent} caption={t('latest')} />
        </Card>
      </div>
    </div>
  );
}
