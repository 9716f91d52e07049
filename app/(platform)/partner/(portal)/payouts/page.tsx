import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { MoneyLines, type CurrencyAmount } from '@/components/payouts/money-lines';
import { PayoutsTable } from '@/components/payouts/payouts-table';
import { Card } from '@/components/ui/card';
import { ScrollBox } from '@/components/ui/scroll-box';
import { createFormatter, type Formatter } from '@/lib/format/formatter';
import { canSeeMoney } from '@/lib/partners/partner-actor';
import { requirePartner } from '@/lib/partners/partner-session';
import { partnerBalance, partnerPayouts, statementMonthsByCurrency } from '@/lib/payouts/partner-earnings';
import { PLATFORM_CURRENCY, rateText } from '@/lib/resellers/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('payouts') };
}
export const dynamic = 'force-dynamic';

function Amount({ label, amounts, fmt, testId }: { label: string; amounts: CurrencyAmount[]; fmt: Formatter; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <p className="text-xs text-slate-600">{label}</p>
      <p className="text-lg font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        <MoneyLines fmt={fmt} amounts={amounts} />
      </p>
    </div>
  );
}

export default async function PartnerPayoutsPage() {
  const actor = await requirePartner();
  const [t, locale] = await Promise.all([getTranslations('payouts.partner'), getLocale()]);
  if (!canSeeMoney(actor)) {
    return (
      <Card title={t('payouts')}>
        <p className="text-sm text-slate-600" role="status">
          {t('notForYou')}
        </p>
      </Card>
    );
  }
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const [balance, payouts, months] = await Promise.all([partnerBalance(actor), partnerPayouts(actor), statementMonthsByCurrency(actor)]);
  const amounts = (key: 'pendingCents' | 'availableCents' | 'inPayoutCents' | 'paidCents') => balance.byCurrency.map((row) => ({ currency: row.currency, cents: row[key] }));
  const column = (currencies: (typeof months)[number]['currencies'], key: 'grossCents' | 'salesCents' | 'reversalsCents' | 'netCents') => (
    <MoneyLines fmt={fmt} amounts={currencies.map((row) => ({ currency: row.currency, cents: row[key] }))} />
  );
  return (
    <div className="flex flex-col gap-6">
      <Card
        title={t('balance')}
        description={t('balanceDescription', {
          tier: balance.tierName,
          fee: rateText(fmt, balance.platformFeeBps),
          days: balance.holdingDays,
          minimum: fmt.money(balance.payoutMinimumCents, PLATFORM_CURRENCY),
          stripe: balance.stripeConnected ? 'yes' : 'no',
        })}
      >
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Amount label={t('pending')} amounts={amounts('pendingCents')} fmt={fmt} testId="balance-pending" />
          <Amount label={t('available')} amounts={amounts('availableCents')} fmt={fmt} testId="balance-available" />
          <Amount label={t('inPayout')} amounts={amounts('inPayoutCents')} fmt={fmt} testId="balance-in-payout" />
          <Amount label={t('paid')} amounts={amounts('paidCents')} fmt={fmt} testId="balance-paid" />
        </div>
      </Card>

      <Card title={t('payouts')}>
        {payouts.length === 0 ? <p className="text-sm text-slate-600">{t('noPayouts')}</p> : <PayoutsTable payouts={payouts} label={t('payouts')} testId="partner-payouts" />}
      </Card>

      <Card title={t('statements')} description={t('statementsDescription')}>
        {months.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noRevenue')}</p>
        ) : (
          <ScrollBox label={t('statements')}>
            <table className="w-full text-start text-sm" data-testid="partner-statements">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pe-4">
                    {t('month')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('appSales')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('yourShare')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('refunds')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('net')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('statement')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.month} className="border-t border-slate-100 align-top">
                    <td className="py-2 pe-4">{fmt.month(month.month)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{column(month.currencies, 'grossCents')}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{column(month.currencies, 'salesCents')}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{column(month.currencies, 'reversalsCents')}</td>
                    <td className="py-2 pe-4 text-end font-medium tabular-nums">{column(month.currencies, 'netCents')}</td>
                    <td className="py-2 whitespace-nowrap">
                      {t.rich('statementLinks', {
                        view: (chunks) => (
                          <Link href={`/partner/payouts/${month.month}`} className="text-brand-text underline">
                            {chunks}
                          </Link>
                        ),
                        csv: (chunks) => (
                          <a href={`/api/partner/statements/${month.month}`} className="text-brand-text underline" download>
                            {chunks}
                          </a>
                        ),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Card>
    </div>
  );
}
