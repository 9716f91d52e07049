import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MoneyLines } from '@/components/payouts/money-lines';
import { PrintButton } from '@/components/payouts/print-button';
import { Card } from '@/components/ui/card';
import { ScrollBox } from '@/components/ui/scroll-box';
import { createFormatter } from '@/lib/format/formatter';
import { canSeeMoney } from '@/lib/partners/partner-actor';
import { requirePartner } from '@/lib/partners/partner-session';
import { monthlyStatement, REMOVED_APP } from '@/lib/payouts/partner-earnings';
import { monthOf } from '@/lib/payouts/period';
import { ERASED_WORKSPACE } from '@/lib/platform/erased-workspace';
import { rateText } from '@/lib/resellers/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.meta'))('statement') };
}
export const dynamic = 'force-dynamic';

// Printed, the statement is the page: the site's header and navigation, the portal's title
// and the buttons are hidden, and the table is not clipped to a scroll box.
const PRINT_CSS = `@media print {
  header, nav, [data-print-hidden] { display: none !important; }
  [data-statement] { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  [data-statement] [role="region"] { overflow: visible !important; max-height: none !important; }
  body { background: #fff !important; }
}`;

export default async function PartnerStatementPage({ params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const actor = await requirePartner();
  if (!monthOf(month)) notFound();
  const [t, locale] = await Promise.all([getTranslations('payouts.statement'), getLocale()]);
  if (!canSeeMoney(actor)) {
    return (
      <Card title={t('title')}>
        <p className="text-sm text-slate-600" role="status">
          {t('notForYou')}
        </p>
      </Card>
    );
  }
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const statement = await monthlyStatement(actor, month);
  const totals = (key: 'grossCents' | 'salesCents' | 'reversalsCents' | 'netCents') => <MoneyLines fmt={fmt} amounts={statement.totals.map((row) => ({ currency: row.currency, cents: row[key] }))} />;
  return (
    <div className="flex flex-col gap-4">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center gap-3" data-print-hidden>
        <Link href="/partner/payouts" className="text-sm text-brand-text underline">
          {t('back')}
        </Link>
        <a href={`/api/partner/statements/${month}`} className="text-sm text-brand-text underline" download>
          {t('downloadCsv')}
        </a>
        <PrintButton />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-statement data-testid="partner-statement">
        <h2 className="text-lg font-semibold text-slate-900">{t('heading', { partner: statement.partnerName, month: fmt.month(month) })}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('description')}</p>
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">{t('appSales')}</dt>
            <dd className="font-semibold tabular-nums">{totals('grossCents')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('yourShare')}</dt>
            <dd className="font-semibold tabular-nums">{totals('salesCents')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('refunds')}</dt>
            <dd className="font-semibold tabular-nums">{totals('reversalsCents')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('net')}</dt>
            <dd className="font-semibold tabular-nums" data-testid="statement-net">
              {totals('netCents')}
            </dd>
          </div>
        </dl>
        {statement.lines.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ScrollBox label={t('lines')} className="mt-4">
            <table className="w-full text-start text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pe-4">
                    {t('date')}
                  </th>
                  <th scope="col" className="py-2 pe-4">
                    {t('app')}
                  </th>
                  <th scope="col" className="py-2 pe-4">
                    {t('workspace')}
                  </th>
                  <th scope="col" className="py-2 pe-4">
                    {t('kind')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('appPart')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('share')}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-end">
                    {t('amount')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('status')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {statement.lines.map((line, index) => (
                  <tr key={`${line.sourceId}-${index}`} className="border-t border-slate-100">
                    <td className="py-2 pe-4 whitespace-nowrap">{fmt.day(line.date.toISOString().slice(0, 10))}</td>
                    <td className="py-2 pe-4">{line.appName === REMOVED_APP ? t('removedApp') : line.appName}</td>
                    <td className="py-2 pe-4">{line.workspace === ERASED_WORKSPACE ? t('erasedWorkspace') : line.workspace}</td>
                    <td className="py-2 pe-4">{line.kind === 'sale' ? t('sale') : t('refund')}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{fmt.money(line.baseCents, line.currency)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{rateText(fmt, line.rateBps)}</td>
                    <td className="py-2 pe-4 text-end font-medium tabular-nums">{fmt.money(line.amountCents, line.currency)}</td>
                    <td className="py-2">{t(`statuses.${line.status as 'pending'}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>
    </div>
  );
}
