import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { moneyList } from '@/components/payouts/money-lines';
import { PayoutsTable } from '@/components/payouts/payouts-table';
import { CommissionTable } from '@/components/resellers/commission-table';
import { Card } from '@/components/ui/card';
import { createFormatter } from '@/lib/format/formatter';
import { earningsSummary, listPayouts, payoutTerms, recentCommissions } from '@/lib/resellers/dashboard';
import { PLATFORM_CURRENCY } from '@/lib/resellers/money';
import { requireReseller } from '@/lib/resellers/reseller-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.meta'))('payouts') };
}
export const dynamic = 'force-dynamic';

export default async function ResellerPayoutsPage() {
  const actor = await requireReseller();
  const [payouts, earnings, commissions, minimum, t, locale] = await Promise.all([
    listPayouts(actor),
    earningsSummary(actor),
    recentCommissions(actor, 100),
    payoutTerms(actor),
    getTranslations('reseller.payouts'),
    getLocale(),
  ]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const available = earnings.byCurrency.map((row) => ({ currency: row.currency, cents: row.availableCents }));
  return (
    <div className="flex flex-col gap-6">
      <Card
        title={t('title')}
        description={t('description', {
          days: minimum.holdingDays,
          minimum: fmt.money(minimum.payoutMinimumCents, PLATFORM_CURRENCY),
          stripe: minimum.stripeConnectAccountId ? 'yes' : 'no',
          available: moneyList(fmt, available),
        })}
      >
        {payouts.length === 0 ? (
          <p className="text-sm text-slate-600">{t('none')}</p>
        ) : (
          <PayoutsTable
            payouts={payouts}
            label={t('title')}
            testId="payouts-table"
            statement={(payout) => (
              <a href={`/api/reseller/payouts/${payout.id}/statement`} className="text-brand-text underline" download>
                {t('csv', { lines: payout.commissions })}
              </a>
            )}
          />
        )}
      </Card>
      <Card title={t('commissions')}>
        <CommissionTable lines={commissions} caption={t('commissionsCaption')} />
      </Card>
    </div>
  );
}
