import type { Formatter } from '@/lib/format/formatter';
import { PLATFORM_CURRENCY } from '@/lib/resellers/money';

// Amounts of different currencies are never added up: a total is shown as one line per
// currency (in that currency), and none at all as zero.

export interface CurrencyAmount {
  /** ISO 4217, lower case. */
  currency: string;
  cents: number;
}

/** The amounts, one per currency, each on its own line; zero (in the platform's currency) without any. */
export function MoneyLines({ fmt, amounts }: { fmt: Formatter; amounts: CurrencyAmount[] }) {
  if (amounts.length === 0) return <>{fmt.money(0, PLATFORM_CURRENCY)}</>;
  if (amounts.length === 1) return <>{fmt.money(amounts[0].cents, amounts[0].currency)}</>;
  return (
    <>
      {amounts.map((amount) => (
        <span key={amount.currency} className="block">
          {fmt.money(amount.cents, amount.currency)}
        </span>
      ))}
    </>
  );
}

/** The amounts as one phrase ("$5.00 and €3.00"); zero (in the platform's currency) without any. */
export function moneyList(fmt: Formatter, amounts: CurrencyAmount[]): string {
  if (amounts.length === 0) return fmt.money(0, PLATFORM_CURRENCY);
  return new Intl.ListFormat(fmt.settings.locale, { type: 'conjunction' }).format(amounts.map((amount) => fmt.money(amount.cents, amount.currency)));
}
