import { describe, expect, it } from 'vitest';
import type { MonthlyStatement, StatementLine } from '../../lib/payouts/partner-earnings.ts';
import { partnerStatementCsv } from '../../lib/payouts/statement-csv.ts';

// A partner whose app is paid for in dollars and in euros: each line says its currency, and the
// statement totals each currency on its own line (never a sum of dollars and euros).

const line = (currency: string, saleCents: number, amountCents: number): StatementLine => ({
  date: new Date('2031-01-10T00:00:00Z'),
  kind: 'sale',
  appName: 'Stride',
  workspace: `Workspace ${currency}`,
  invoiceId: `in_${currency}`,
  sourceId: `in_${currency}`,
  saleCents,
  baseCents: saleCents,
  rateBps: 8000,
  amountCents,
  currency,
  status: 'pending',
  payoutId: null,
});

describe('a statement in two currencies', () => {
  it('has a currency on each line and a total per currency', () => {
    const statement: MonthlyStatement = {
      partnerName: 'Northstar',
      month: '2031-01',
      start: new Date('2031-01-01T00:00:00Z'),
      end: new Date('2031-02-01T00:00:00Z'),
      lines: [line('usd', 1000, 800), line('eur', 2000, 1600)],
      grossCents: 3000,
      salesCents: 2400,
      reversalsCents: 0,
      netCents: 2400,
      totals: [
        { currency: 'eur', grossCents: 2000, salesCents: 1600, reversalsCents: 0, netCents: 1600 },
        { currency: 'usd', grossCents: 1000, salesCents: 800, reversalsCents: 0, netCents: 800 },
      ],
    };
    const rows = partnerStatementCsv(statement).trimEnd().split('\r\n');
    expect(rows[1]).toContain(',in_usd,in_usd,USD,10.00,10.00,80.00,8.00,');
    expect(rows[2]).toContain(',in_eur,in_eur,EUR,20.00,20.00,80.00,16.00,');
    expect(rows.slice(3)).toEqual(['total,,,,,,EUR,,20.00,,16.00,,', 'total,,,,,,USD,,10.00,,8.00,,']);
    expect(partnerStatementCsv(statement)).not.toContain('30.00');
  });
});
