import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { moneyList } from '@/components/payouts/money-lines';
import { Card } from '@/components/ui/card';
import type { Formatter } from '@/lib/format/formatter';
import type { AppCharge } from '@/lib/marketplace/app-charges';

/**
 * The billing page's paid marketplace apps: price, how it is billed, this period's calls and
 * estimate. Each app is priced in its own currency; the total is one amount per currency.
 */
export async function AppAddOns({ charges, fmt }: { charges: AppCharge[]; fmt: Formatter }) {
  if (charges.length === 0) return null;
  const t = await getTranslations('billing.addOns');
  const totals = new Map<string, number>();
  for (const charge of charges) totals.set(charge.pricing.priceCurrency, (totals.get(charge.pricing.priceCurrency) ?? 0) + charge.estimatedCents);
  const price = ({ pricing }: AppCharge) => {
    const money = (cents: number | null) => fmt.money(cents ?? 0, pricing.priceCurrency);
    switch (pricing.pricing) {
      case 'free':
        return t('pricing.free');
      case 'flat':
        return t('pricing.flat', { fee: money(pricing.monthlyFeeCents) });
      case 'usage':
        return t('pricing.usage', { price: money(pricing.per1000CallsCents), calls: fmt.number(1000) });
      case 'hybrid':
        return t('pricing.hybrid', { fee: money(pricing.monthlyFeeCents), included: fmt.number(pricing.includedCalls ?? 0), price: money(pricing.per1000CallsCents), calls: fmt.number(1000) });
    }
  };
  return (
    <Card title={t('title')} description={t('description')}>
      <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="billing-app-add-ons">
        {charges.map((charge) => (
          <li key={charge.installationId} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:gap-4">
            <Link href={`/apps/${charge.appSlug}`} className="font-medium break-words text-brand-text underline">
              {charge.appName}
            </Link>
            <span className="text-slate-700">{price(charge)}</span>
            <span className="text-slate-600">{charge.billedVia === 'operator' ? t('byOperator') : t('onSubscription')}</span>
            <span className="sm:ms-auto">
              {t.rich('estimate', {
                calls: charge.calls,
                amount: fmt.money(charge.estimatedCents, charge.pricing.priceCurrency),
                strong: (chunks) => <span className="font-semibold">{chunks}</span>,
              })}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-700">
        {t.rich('total', {
          amount: moneyList(
            fmt,
            [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ currency, cents })),
          ),
          strong: (chunks) => <span className="font-semibold">{chunks}</span>,
          link: (chunks) => (
            <Link href="/settings/installed-apps" className="text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </Card>
  );
}
