import { getLocale, getTranslations } from 'next-intl/server';
import { MoneyLines } from '@/components/payouts/money-lines';
import { ScrollBox } from '@/components/ui/scroll-box';
import { createFormatter } from '@/lib/format/formatter';
import { ERASED_WORKSPACE } from '@/lib/platform/erased-workspace';
import type { CommissionLine } from '@/lib/resellers/dashboard';
import { rateText } from '@/lib/resellers/money';

/**
 * Commission lines: own clients by name, overrides "via" the sub-reseller (never their client).
 * Each line shows its base (what the rate applied to: the sale, or for an override what was left
 * after the commissions below it). A refund is a line of its own, negative, so a fully refunded
 * sale and its refund sum to zero, and the footer nets every line shown (per currency: amounts
 * of different currencies are not added up).
 */
export async function CommissionTable({ lines, caption }: { lines: CommissionLine[]; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations('reseller.commissions'), getLocale()]);
  if (lines.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const net = new Map<string, number>();
  for (const line of lines) net.set(line.currency, (net.get(line.currency) ?? 0) + line.amountCents);
  return (
    <ScrollBox label={caption}>
      <table className="w-full text-start text-sm" data-testid="commission-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pe-4">
              {t('date')}
            </th>
            <th scope="col" className="py-2 pe-4">
              {t('from')}
            </th>
            <th scope="col" className="py-2 pe-4">
              {t('plan')}
            </th>
            <th scope="col" className="py-2 pe-4 text-end">
              {t('sale')}
            </th>
            <th scope="col" className="py-2 pe-4 text-end" title={t('baseTitle')}>
              {t('base')}
            </th>
            <th scope="col" className="py-2 pe-4 text-end">
              {t('rate')}
            </th>
            <th scope="col" className="py-2 pe-4 text-end">
              {t('commission')}
            </th>
            <th scope="col" className="py-2">
              {t('status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-t border-slate-100">
              <td className="py-2 pe-4 whitespace-nowrap">{fmt.date(line.createdAt)}</td>
              <td className="py-2 pe-4">
                {line.clientName === ERASED_WORKSPACE ? t('erasedWorkspace') : (line.clientName ?? (line.viaResellerName ? t('via', { name: line.viaResellerName }) : t('viaUnknown')))}
                {line.kind === 'reversal' ? <span className="ms-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">{t('refund')}</span> : null}
              </td>
              <td className="py-2 pe-4">{line.planId ?? t('none')}</td>
              <td className="py-2 pe-4 text-end tabular-nums">{fmt.money(line.saleCents, line.currency)}</td>
              <td className="py-2 pe-4 text-end tabular-nums">{fmt.money(line.baseCents, line.currency)}</td>
              <td className="py-2 pe-4 text-end tabular-nums">{rateText(fmt, line.rateBps)}</td>
              <td className="py-2 pe-4 text-end font-medium tabular-nums">{fmt.money(line.amountCents, line.currency)}</td>
              <td className="py-2">{t(`statuses.${line.status}`)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300">
            <th scope="row" colSpan={6} className="py-2 pe-4 text-end font-semibold text-slate-700">
              {t('net')}
            </th>
            <td className="py-2 pe-4 text-end font-semibold tabular-nums" data-testid="commission-net">
              <MoneyLines fmt={fmt} amounts={[...net].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ currency, cents }))} />
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
