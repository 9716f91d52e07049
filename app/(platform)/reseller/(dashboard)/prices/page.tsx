import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { SetPriceForm } from '@/components/resellers/reseller-forms';
import { Card } from '@/components/ui/card';
import { createFormatter } from '@/lib/format/formatter';
import { PLATFORM_CURRENCY } from '@/lib/resellers/money';
import { listResellerPrices } from '@/lib/resellers/prices';
import { requireReseller } from '@/lib/resellers/reseller-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reseller.meta'))('prices') };
}
export const dynamic = 'force-dynamic';

export default async function ResellerPricesPage() {
  const actor = await requireReseller();
  const [prices, t, locale] = await Promise.all([listResellerPrices(actor), getTranslations('reseller.prices'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const money = (cents: number) => fmt.money(cents, PLATFORM_CURRENCY);
  const canEdit = actor.reseller.status === 'approved' && actor.role === 'owner';
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('title')} description={t('description')}>
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
      </Card>
      {canEdit ? (
        <Card title={t('formTitle')} description={t('formDescription')}>
          <SetPriceForm plans={prices} />
        </Card>
      ) : null}
    </div>
  );
}
