import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { SetPriceForm } from '@/components/resellers/reseller-forms';
import { Card } from '@/components/ui/card';
import { ScrollBox } from '@/components/ui/scroll-box';
import { createFormatter } from '@/lib/format/formatter';
import Link from 'next/link';
import { BILLING_CURRENCIES, DEFAULT_BILLING_CURRENCY, isBillingCurrency } from '@/lib/billing/currencies';
import { listResellerPrices } from '@/lib/resellers/prices';
import { requireReseller } from '@/lib/resellers/reseller-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.meta'))('prices') };
}
export const dynamic = 'force-dynamic';

// Prices are per currency: a client billed in euros pays the reseller's euro price
// (?currency=eur shows and sets those).
export default async function ResellerPricesPage({ searchParams }: { searchParams: Promise<{ currency?: string | string[] }> }) {
  const actor = await requireReseller();
  const asked = (await searchParams).currency;
  const currency = isBillingCurrency(asked) ? asked : DEFAULT_BILLING_CURRENCY;
  const [prices, t, locale] = await Promise.all([listResellerPrices(actor, currency), getTranslations('reseller.prices'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const money = (cents: number) => fmt.money(cents, currency);
  const canEdit = actor.reseller.status === 'approved' && actor.role === 'owner';
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t('currencyNav')} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{t('currencyNav')}</span>
        {BILLING_CURRENCIES.map((option) => (
          <Link key={option} href={`/reseller/prices?currency=${option}`} aria-current={option === currency ? 'page' : undefined} className={`rounded-md border px-3 py-1.5 font-medium ${option === currency ? 'border-brand bg-brand text-brand-fg' : 'border-slate-300 bg-white text-slate-800'}`}>
            {option.toUpperCase()}
          </Link>
        ))}
      </nav>
      <Card title={t('title')} description={t('description')}>
        <ScrollBox label={t('title')}>
        <table className="w-full text-start text-sm" data-testid="prices-table">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pe-4">
                {t('plan')}
              </th>
              <th scope="col" className="py-2 pe-4 text-end">
                {t('listPrice')}
              </th>
              <th scope="col" className="py-2 pe-4 text-end">
                {t('floor')}
              </th>
              <th scope="col" className="py-2 text-end">
                {t('yourPrice')}
              </th>
            </tr>
          </thead>
          <tbody>
            {prices.map((price) => (
              <tr key={price.planId} className="border-t border-slate-100">
                <td className="py-2 pe-4">{price.planName}</td>
                <td className="py-2 pe-4 text-end tabular-nums">{money(price.listPriceCents)}</td>
                <td className="py-2 pe-4 text-end tabular-nums">{price.floorCents === null ? t('notForResale') : money(price.floorCents)}</td>
                <td className="py-2 text-end font-medium tabular-nums">{price.priceCents === null ? t('none') : money(price.priceCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      </Card>
      {canEdit ? (
        <Card title={t('formTitle')} description={t('formDescription')}>
          <SetPriceForm key={currency} plans={prices} currency={currency} />
        </Card>
      ) : null}
    </div>
  );
}
