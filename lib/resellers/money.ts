import { createFormatter, type Formatter } from '../format/formatter.ts';

/**
 * The currency of the amounts kept without one: a plan's own price columns (its PlanPrice rows
 * are the other currencies) and payees' payout minimums. Reseller prices, commissions and
 * payouts carry their own currency: show those in theirs.
 */
export const PLATFORM_CURRENCY = 'usd';

// Money on the reseller pages: integer minor units of a currency, US dollars unless told (the
// browser imports this too). Server sentences use the formatter's defaults (en-US); pages
// format with the reader's formatter.
const platformFormat = createFormatter();

export function formatCents(cents: number, currency = 'usd'): string {
  return platformFormat.money(cents, currency);
}

/** "49.99" or "49" → 4999; null when it is not an amount of dollars with at most two decimals. */
export function parseDollars(value: string): number | null {
  const match = value.trim().replace(/^\$/, '').replace(/,/g, '').match(/^(\d{1,7})(?:\.(\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A rate in basis points as a percentage in the formatter's locale, to 0.01%: 2000 → "20%" ("20 %" in German). */
export function rateText(fmt: Formatter, bps: number): string {
  return new Intl.NumberFormat(fmt.settings.locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function formatRate(bps: number): string {
  const percent = bps / 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(2)}%`;
}
