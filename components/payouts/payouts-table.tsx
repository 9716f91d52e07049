import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PayoutReferenceForm } from '@/components/resellers/operator-forms';
import { Badge } from '@/components/ui/badge';
import { ScrollBox } from '@/components/ui/scroll-box';
import { createFormatter } from '@/lib/format/formatter';
import type { PayeeKind } from '@/lib/payouts/payee';

// Payouts look the same wherever they are listed (a reseller's or a partner's own page, the
// operator's console): one table, with the payee column for the operator and a statement
// column where the payee downloads its lines. Each payout is in its own currency. Platform
// pages have no zone: dates in UTC, in the page's language.

export interface PayoutTableRow {
  id: string;
  periodStart: Date | string;
  totalCents: number;
  /** ISO 4217, lower case: the currency of totalCents. */
  currency: string;
  method: string;
  status: string;
  reference: string | null;
  paidAt?: Date | string | null;
  /** The operator's view: who is paid. */
  payee?: { name: string; kind: PayeeKind };
}

const METHODS = ['stripe_connect', 'manual'] as const;
const STATUSES = ['pending', 'paid', 'failed'] as const;

async function words() {
  const [t, locale] = await Promise.all([getTranslations('payouts.table'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const method = (value: string) => t(`methods.${METHODS.find((known) => known === value) ?? 'manual'}`);
  const status = (value: string) => {
    const known = STATUSES.find((s) => s === value);
    return known ? t(`statuses.${known}`) : value;
  };
  return { t, fmt, method, status };
}

export async function PayoutsTable<Row extends PayoutTableRow>({
  payouts,
  label,
  testId,
  showPayee = false,
  statement,
}: {
  payouts: Row[];
  label: string;
  testId?: string;
  showPayee?: boolean;
  /** The statement cell of a row (e.g. a CSV link); no column without it. */
  statement?: (payout: Row) => ReactNode;
}) {
  const { t, fmt, method, status } = await words();
  return (
    <ScrollBox label={label}>
      <table className="w-full text-start text-sm" data-testid={testId}>
        <thead className="text-slate-600">
          <tr>
            {showPayee ? (
              <th scope="col" className="py-2 pe-4">
                {t('payee')}
              </th>
            ) : null}
            <th scope="col" className="py-2 pe-4">
              {t('period')}
            </th>
            <th scope="col" className="py-2 pe-4 text-end">
              {t('total')}
            </th>
            <th scope="col" className="py-2 pe-4">
              {t('method')}
            </th>
            <th scope="col" className="py-2 pe-4">
              {t('status')}
            </th>
            <th scope="col" className="py-2 pe-4">
              {t('reference')}
            </th>
            {statement ? (
              <th scope="col" className="py-2">
                {t('statement')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {payouts.map((payout) => (
            <tr key={payout.id} className="border-t border-slate-100">
              {showPayee && payout.payee ? (
                <td className="py-2 pe-4">{t.rich('payeeCell', { name: payout.payee.name, kind: payout.payee.kind, muted: (chunks) => <span className="text-xs text-slate-500">{chunks}</span> })}</td>
              ) : null}
              <td className="py-2 pe-4">{fmt.month(payout.periodStart)}</td>
              <td className="py-2 pe-4 text-end font-medium tabular-nums">{fmt.money(payout.totalCents, payout.currency)}</td>
              <td className="py-2 pe-4">{method(payout.method)}</td>
              <td className="py-2 pe-4">{payout.paidAt ? t('statusOn', { status: status(payout.status), date: fmt.date(payout.paidAt) }) : status(payout.status)}</td>
              <td className="py-2 pe-4">{payout.reference ?? t('none')}</td>
              {statement ? <td className="py-2 whitespace-nowrap">{statement(payout)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Manual payouts waiting for the operator to record the bank transfer's reference. */
export async function ManualPayoutsWaiting({ payouts, testId }: { payouts: (PayoutTableRow & { payee: { name: string; kind: PayeeKind } })[]; testId?: string }) {
  const { t, fmt } = await words();
  if (payouts.length === 0) return <p className="text-sm text-slate-600">{t('noneWaiting')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100" data-testid={testId}>
      {payouts.map((payout) => (
        <li key={payout.id} className="flex flex-wrap items-end justify-between gap-3 py-3">
          <span className="text-sm">
            {t.rich('waiting', {
              kind: payout.payee.kind,
              name: payout.payee.name,
              month: fmt.month(payout.periodStart),
              amount: fmt.money(payout.totalCents, payout.currency),
              badge: (chunks) => <Badge>{chunks}</Badge>,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </span>
          <PayoutReferenceForm payoutId={payout.id} label={t('waitingLabel', { name: payout.payee.name, month: fmt.month(payout.periodStart) })} />
        </li>
      ))}
    </ul>
  );
}
