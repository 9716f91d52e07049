import { ERASED_WORKSPACE } from '../platform/erased-workspace.ts';
import { db, Prisma } from '../db/client.ts';
import { notFound } from '../http/problem.ts';
import { assertSeesMoney, type PartnerActor } from '../partners/partner-actor.ts';
import { monthOf } from './period.ts';

// What a partner sees of its money (owners and billing contacts only): its balance, its
// payouts, and a statement per calendar month (UTC) of every revenue-share row dated in it
// (sales by the month they were paid, reversals by the month of the refund). Every query is
// scoped by the actor's partnerId.

export interface BalanceAmounts {
  /** In the holding period. */
  pendingCents: number;
  /** Approved, waiting for the next payout (may be below the minimum). */
  availableCents: number;
  /** In a payout not paid yet. */
  inPayoutCents: number;
  paidCents: number;
}

export interface PartnerBalance extends BalanceAmounts {
  /**
   * The same amounts per currency (ISO 4217, lower case), by currency: amounts of different
   * currencies are never added up on a page. The fields above are the sums over them.
   */
  byCurrency: ({ currency: string } & BalanceAmounts)[];
  payoutMinimumCents: number;
  holdingDays: number;
  stripeConnected: boolean;
  tierName: string;
  platformFeeBps: number;
}

export async function partnerBalance(actor: PartnerActor): Promise<PartnerBalance> {
  assertSeesMoney(actor);
  const [groups, partner] = await Promise.all([
    db.commission.groupBy({ by: ['status', 'payoutId', 'currency'], where: { partnerId: actor.partnerId }, _sum: { amountCents: true } }),
    db.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { payoutMinimumCents: true, holdingDays: true, stripeConnectAccountId: true, tier: { select: { name: true, platformFeeBps: true } } } }),
  ]);
  const empty = (): BalanceAmounts => ({ pendingCents: 0, availableCents: 0, inPayoutCents: 0, paidCents: 0 });
  const balance = empty();
  const byCurrency = new Map<string, BalanceAmounts>();
  for (const group of groups) {
    const cents = group._sum.amountCents ?? 0;
    const key: keyof BalanceAmounts | null =
      group.status === 'paid' ? 'paidCents' : group.status === 'reversed' ? null : group.payoutId ? 'inPayoutCents' : group.status === 'approved' ? 'availableCents' : 'pendingCents';
    if (!key) continue;
    balance[key] += cents;
    const own = byCurrency.get(group.currency) ?? empty();
    own[key] += cents;
    byCurrency.set(group.currency, own);
  }
  return {
    ...balance,
    byCurrency: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amounts]) => ({ currency, ...amounts })),
    payoutMinimumCents: partner.payoutMinimumCents,
    holdingDays: partner.holdingDays,
    stripeConnected: Boolean(partner.stripeConnectAccountId),
    tierName: partner.tier.name,
    platformFeeBps: partner.tier.platformFeeBps,
  };
}

export interface PartnerPayoutRow {
  id: string;
  periodStart: Date;
  totalCents: number;
  /** ISO 4217, lower case: the currency of totalCents. */
  currency: string;
  method: string;
  status: string;
  reference: string | null;
  paidAt: Date | null;
  lines: number;
}

export async function partnerPayouts(actor: PartnerActor): Promise<PartnerPayoutRow[]> {
  assertSeesMoney(actor);
  const rows = await db.payout.findMany({
    where: { partnerId: actor.partnerId },
    orderBy: { periodStart: 'desc' },
    take: 120,
    select: { id: true, periodStart: true, totalCents: true, currency: true, method: true, status: true, reference: true, paidAt: true, _count: { select: { commissions: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, lines: _count.commissions }));
}

export interface StatementMonth {
  /** yyyy-mm */
  month: string;
  start: Date;
  /** Σ app parts of the month's sales (what workspaces paid for the apps). */
  grossCents: number;
  /** Σ the partner's share of those sales. */
  salesCents: number;
  /** Σ reversals dated in the month (≤ 0). */
  reversalsCents: number;
  netCents: number;
  lines: number;
}

/** The months with revenue-share rows, latest first. */
export async function statementMonths(actor: PartnerActor): Promise<StatementMonth[]> {
  assertSeesMoney(actor);
  // createdAt is stored in UTC (timestamp without time zone): the month as text needs no zone.
  const rows = await db.$queryRaw<{ month: string; gross: bigint; sales: bigint; reversals: bigint; lines: bigint }[]>(Prisma.sql`
    SELECT to_char(date_trunc('month', "createdAt"), 'YYYY-MM') AS month,
           COALESCE(SUM("baseCents") FILTER (WHERE kind = 'sale'), 0) AS gross,
           COALESCE(SUM("amountCents") FILTER (WHERE kind = 'sale'), 0) AS sales,
           COALESCE(SUM("amountCents") FILTER (WHERE kind = 'reversal'), 0) AS reversals,
           COUNT(*) AS lines
    FROM "Commission" WHERE "partnerId" = ${actor.partnerId}
    GROUP BY 1 ORDER BY 1 DESC LIMIT 120`);
  return rows.map((row) => ({
    month: row.month,
    start: monthOf(row.month)!.start,
    grossCents: Number(row.gross),
    salesCents: Number(row.sales),
    reversalsCents: Number(row.reversals),
    netCents: Number(row.sales) + Number(row.reversals),
    lines: Number(row.lines),
  }));
}

export interface StatementMonthTotals {
  /** yyyy-mm */
  month: string;
  /** One entry per currency the month has rows in, by currency (amounts of different currencies are not added). */
  currencies: { currency: string; grossCents: number; salesCents: number; reversalsCents: number; netCents: number }[];
}

/** statementMonths, per currency: the months with revenue-share rows, latest first. */
export async function statementMonthsByCurrency(actor: PartnerActor): Promise<StatementMonthTotals[]> {
  assertSeesMoney(actor);
  const rows = await db.$queryRaw<{ month: string; currency: string; gross: bigint; sales: bigint; reversals: bigint }[]>(Prisma.sql`
    SELECT to_char(date_trunc('month', "createdAt"), 'YYYY-MM') AS month, currency,
           COALESCE(SUM("baseCents") FILTER (WHERE kind = 'sale'), 0) AS gross,
           COALESCE(SUM("amountCents") FILTER (WHERE kind = 'sale'), 0) AS sales,
           COALESCE(SUM("amountCents") FILTER (WHERE kind = 'reversal'), 0) AS reversals
    FROM "Commission" WHERE "partnerId" = ${actor.partnerId}
    GROUP BY 1, 2 ORDER BY 1 DESC, 2 LIMIT 480`);
  const months: StatementMonthTotals[] = [];
  for (const row of rows) {
    let month = months.at(-1);
    if (month?.month !== row.month) {
      if (months.length === 120) break;
      month = { month: row.month, currencies: [] };
      months.push(month);
    }
    const sales = Number(row.sales);
    const reversals = Number(row.reversals);
    month.currencies.push({ currency: row.currency, grossCents: Number(row.gross), salesCents: sales, reversalsCents: reversals, netCents: sales + reversals });
  }
  return months;
}

/** How a statement names the app of a row whose app was deleted. */
export const REMOVED_APP = 'Removed app';

export interface StatementLine {
  date: Date;
  kind: string;
  appName: string;
  workspace: string;
  invoiceId: string;
  sourceId: string;
  saleCents: number;
  baseCents: number;
  rateBps: number;
  amountCents: number;
  /** ISO 4217, lower case: the currency of saleCents, baseCents and amountCents. */
  currency: string;
  status: string;
  payoutId: string | null;
}

export interface MonthlyStatement {
  partnerName: string;
  month: string;
  start: Date;
  end: Date;
  lines: StatementLine[];
  grossCents: number;
  salesCents: number;
  reversalsCents: number;
  netCents: number;
  /** The totals per currency, by currency (the sums above add currencies up; a page shows these). */
  totals: { currency: string; grossCents: number; salesCents: number; reversalsCents: number; netCents: number }[];
}

/** The partner's statement of one month ("2031-01"); 404 for a month that is not one. */
export async function monthlyStatement(actor: PartnerActor, month: string): Promise<MonthlyStatement> {
  assertSeesMoney(actor);
  const period = monthOf(month);
  if (!period) throw notFound('No such month: use yyyy-mm, e.g. 2031-01.');
  const rows = await db.commission.findMany({
    where: { partnerId: actor.partnerId, createdAt: { gte: period.start, lt: period.end } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      createdAt: true,
      kind: true,
      invoiceId: true,
      sourceId: true,
      saleCents: true,
      baseCents: true,
      rateBps: true,
      amountCents: true,
      currency: true,
      status: true,
      payoutId: true,
      tenant: { select: { name: true } },
      app: { select: { slug: true, liveVersion: { select: { name: true } } } },
    },
  });
  const lines = rows.map(({ createdAt, tenant, app, ...row }) => ({ ...row, date: createdAt, workspace: tenant?.name ?? ERASED_WORKSPACE, appName: app?.liveVersion?.name ?? app?.slug ?? REMOVED_APP }));
  const sum = (kind: string, pick: (line: StatementLine) => number) => lines.filter((line) => line.kind === kind).reduce((total, line) => total + pick(line), 0);
  const salesCents = sum('sale', (line) => line.amountCents);
  const reversalsCents = sum('reversal', (line) => line.amountCents);
  const currencies = [...new Set(lines.map((line) => line.currency))].sort();
  const totals = currencies.map((currency) => {
    const own = (kind: string, pick: (line: StatementLine) => number) => lines.filter((line) => line.kind === kind && line.currency === currency).reduce((total, line) => total + pick(line), 0);
    const sales = own('sale', (line) => line.amountCents);
    const reversals = own('reversal', (line) => line.amountCents);
    return { currency, grossCents: own('sale', (line) => line.baseCents), salesCents: sales, reversalsCents: reversals, netCents: sales + reversals };
  });
  return {
    partnerName: actor.partner.name,
    month,
    start: period.start,
    end: period.end,
    lines,
    grossCents: sum('sale', (line) => line.baseCents),
    salesCents,
    reversalsCents,
    netCents: salesCents + reversalsCents,
    totals,
  };
}
