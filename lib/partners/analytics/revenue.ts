import { db, Prisma } from '../../db/client.ts';
import type { AnalyticsScope } from './window.ts';

// The partner's revenue share by calendar month (UTC), from its Commission rows (partnerId set;
// written per paid invoice by the money side, reversed by refunds). Net = Σ amountCents of
// every row, sales and reversals alike, whatever their status (pending, approved, paid):
// the month a row was created in is the month it counts in. Gross sales = Σ baseCents of the
// sales (what workspaces paid for the apps). Integer cents; months and totals add every
// currency up (as they always have), byCurrency keeps each currency apart for the pages.

export interface RevenueMonth {
  /** YYYY-MM */
  month: string;
  netCents: number;
  grossSalesCents: number;
  /** Σ amountCents of reversals (≤ 0). */
  reversedCents: number;
}

export interface RevenueStats {
  months: RevenueMonth[];
  totals: { netCents: number; grossSalesCents: number; reversedCents: number };
  /** The same months and totals per currency (ISO 4217, lower case), by currency; empty without rows. */
  byCurrency?: { currency: string; months: RevenueMonth[]; totals: RevenueStats['totals'] }[];
}

/** The last `months` calendar months up to and including the current one. */
export async function revenueByMonth(scope: AnalyticsScope, options: { months?: number; now?: Date } = {}): Promise<RevenueStats> {
  const now = options.now ?? new Date();
  const span = Math.max(1, Math.min(36, Math.trunc(options.months ?? 12)));
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - span + 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  // The overview counts rows of apps since deleted too (appId set null), they are still the partner's.
  const apps = scope.appId ? Prisma.sql`AND c."appId" = ${scope.appId}` : Prisma.empty;
  // Sums as bigint (a month can pass 2^31 cents); exact in a JS number up to 2^53.
  const rows = await db.$queryRaw<{ month: string; currency: string; net: bigint; gross: bigint; reversed: bigint }[]>`
    SELECT to_char(date_trunc('month', c."createdAt"), 'YYYY-MM') AS month, c.currency,
           COALESCE(sum(c."amountCents"), 0)::bigint AS net,
           COALESCE(sum(c."baseCents") FILTER (WHERE c.kind = 'sale'), 0)::bigint AS gross,
           COALESCE(sum(c."amountCents") FILTER (WHERE c.kind <> 'sale'), 0)::bigint AS reversed
    FROM "Commission" c
    WHERE c."partnerId" = ${scope.partnerId} ${apps} AND c."createdAt" >= ${start} AND c."createdAt" < ${end}
    GROUP BY 1, 2`;
  const series = (picked: typeof rows) => {
    const byMonth = new Map<string, RevenueMonth>();
    for (const r of picked) {
      const month = byMonth.get(r.month) ?? { month: r.month, netCents: 0, grossSalesCents: 0, reversedCents: 0 };
      month.netCents += Number(r.net);
      month.grossSalesCents += Number(r.gross);
      month.reversedCents += Number(r.reversed);
      byMonth.set(r.month, month);
    }
    const months = Array.from({ length: span }, (_, i): RevenueMonth => {
      const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString().slice(0, 7);
      return byMonth.get(month) ?? { month, netCents: 0, grossSalesCents: 0, reversedCents: 0 };
    });
    const sum = (key: 'netCents' | 'grossSalesCents' | 'reversedCents') => months.reduce((s, m) => s + m[key], 0);
    return { months, totals: { netCents: sum('netCents'), grossSalesCents: sum('grossSalesCents'), reversedCents: sum('reversedCents') } };
  };
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return { ...series(rows), byCurrency: currencies.map((currency) => ({ currency, ...series(rows.filter((r) => r.currency === currency)) })) };
}
