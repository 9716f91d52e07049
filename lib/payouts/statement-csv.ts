import { bpsText, centsText } from './cents-text.ts';
import type { MonthlyStatement } from './partner-earnings.ts';

// A partner's monthly statement as CSV (UTF-8, CRLF): one line per revenue-share row with its
// currency, then a total line per currency. Amounts are exact decimals of their currency.

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Neutralize spreadsheet formulas (a workspace or app name starting with =, +, @…), but not negative numbers.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const PARTNER_STATEMENT_HEADER = ['date', 'kind', 'app', 'workspace', 'invoice', 'source', 'currency', 'invoice_paid', 'app_part', 'share_percent', 'amount', 'status', 'payout'];

export function partnerStatementCsv(statement: MonthlyStatement): string {
  const rows = [PARTNER_STATEMENT_HEADER.join(',')];
  for (const line of statement.lines) {
    rows.push(
      [
        line.date.toISOString().slice(0, 10),
        line.kind,
        line.appName,
        line.workspace,
        line.invoiceId,
        line.sourceId,
        line.currency.toUpperCase(),
        centsText(line.saleCents),
        centsText(line.baseCents),
        bpsText(line.rateBps),
        centsText(line.amountCents),
        line.status,
        line.payoutId,
      ]
        .map(csvField)
        .join(','),
    );
  }
  // A total per currency: amounts in different currencies are never added up.
  for (const total of statement.totals) rows.push(['total', '', '', '', '', '', total.currency.toUpperCase(), '', centsText(total.grossCents), '', centsText(total.netCents), '', ''].map(csvField).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
