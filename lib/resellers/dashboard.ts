import { ERASED_WORKSPACE } from '../platform/erased-workspace.ts';
import { db } from '../db/client.ts';
import type { CommissionStatus, ResellerStatus } from '../db/generated/enums.ts';
import { notFound } from '../http/problem.ts';
import type { ResellerActor } from './reseller-actor.ts';

// What the reseller dashboard shows. Every query is scoped by the acting reseller's id.
//
// Visibility: a reseller sees its own clients (names, plans, prices, statuses) and its own
// commissions and payouts. Of its sub-resellers (and theirs) it sees a summary only: name,
// tier, status, rate, how many clients they have, and the overrides it earned through them,
// never their clients' names or invoices. Its own override commissions (level 1 and 2) come
// from sub-resellers' clients, so they are shown "via <sub-reseller>", without the client.

export interface EarningsAmounts {
  /** Everything earned and not reversed (pending + approved + paid, net of clawbacks). */
  totalCents: number;
  paidCents: number;
  /** Not paid yet: in the holding period (pending) or approved and waiting for a payout. */
  pendingCents: number;
  holdingCents: number;
  availableCents: number;
}

export interface EarningsSummary extends EarningsAmounts {
  /**
   * The same amounts per currency (ISO 4217, lower case), by currency: amounts of different
   * currencies are never added up on a page. The fields above are the sums over them.
   */
  byCurrency: ({ currency: string } & EarningsAmounts)[];
}

function earningsOf(rows: { status: CommissionStatus; _sum: { amountCents: number | null } }[]): EarningsAmounts {
  const sum = (status: CommissionStatus) => rows.filter((row) => row.status === status).reduce((total, row) => total + (row._sum.amountCents ?? 0), 0);
  const holdingCents = sum('pending');
  const availableCents = sum('approved');
  const paidCents = sum('paid');
  return { totalCents: holdingCents + availableCents + paidCents, paidCents, pendingCents: holdingCents + availableCents, holdingCents, availableCents };
}

export async function earningsSummary(actor: ResellerActor): Promise<EarningsSummary> {
  const rows = await db.commission.groupBy({ by: ['status', 'currency'], where: { resellerId: actor.resellerId }, _sum: { amountCents: true } });
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  return { ...earningsOf(rows), byCurrency: currencies.map((currency) => ({ currency, ...earningsOf(rows.filter((row) => row.currency === currency)) })) };
}

export async function clientSummary(actor: ResellerActor): Promise<{ total: number; active: number }> {
  const rows = await db.tenant.groupBy({ by: ['status'], where: { resellerId: actor.resellerId }, _count: { _all: true } });
  const total = rows.reduce((sum, row) => sum + row._count._all, 0);
  const active = rows.filter((row) => row.status === 'active').reduce((sum, row) => sum + row._count._all, 0);
  return { total, active };
}

export interface ProductRow {
  planId: string;
  planName: string;
  commissionCents: number;
  invoices: number;
}

/** Plans by the commission they earned this reseller (reversed ones excluded). */
export async function topProducts(actor: ResellerActor, limit = 5): Promise<ProductRow[]> {
  const rows = await db.commission.groupBy({
    by: ['planId'],
    where: { resellerId: actor.resellerId, status: { not: 'reversed' } },
    _sum: { amountCents: true },
    _count: { invoiceId: true },
    orderBy: { _sum: { amountCents: 'desc' } },
    take: limit,
  });
  const plans = await db.plan.findMany({ select: { id: true, name: true } });
  const names = new Map(plans.map((plan) => [plan.id, plan.name]));
  return rows.map((row) => ({
    planId: row.planId ?? 'unknown',
    planName: (row.planId && names.get(row.planId)) || row.planId || 'Unknown plan',
    commissionCents: row._sum.amountCents ?? 0,
    invoices: row._count.invoiceId,
  }));
}

/** topProducts per currency: plans by the commission they earned in each currency (reversed ones excluded). */
export async function topProductsByCurrency(actor: ResellerActor, limit = 5): Promise<(ProductRow & { currency: string })[]> {
  const rows = await db.commission.groupBy({
    by: ['planId', 'currency'],
    where: { resellerId: actor.resellerId, status: { not: 'reversed' } },
    _sum: { amountCents: true },
    _count: { invoiceId: true },
    orderBy: { _sum: { amountCents: 'desc' } },
    take: limit,
  });
  const plans = await db.plan.findMany({ select: { id: true, name: true } });
  const names = new Map(plans.map((plan) => [plan.id, plan.name]));
  return rows.map((row) => ({
    planId: row.planId ?? 'unknown',
    planName: (row.planId && names.get(row.planId)) || row.planId || 'Unknown plan',
    currency: row.currency,
    commissionCents: row._sum.amountCents ?? 0,
    invoices: row._count.invoiceId,
  }));
}

export interface MonthPoint {
  /** YYYY-MM (UTC). */
  month: string;
  /** What this reseller's own clients paid (level-0 sales, refunds deducted). */
  salesCents: number;
  /** What this reseller earned, every level, net of reversals. */
  commissionCents: number;
}

/** The last `months` calendar months (UTC), oldest first, months without activity included. */
export async function monthlyTrend(actor: ResellerActor, now: Date = new Date(), months = 12): Promise<MonthPoint[]> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const rows = await db.$queryRaw<{ month: string; sales: bigint | null; commission: bigint | null }[]>`
    SELECT to_char(date_trunc('month', "createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
           SUM(CASE WHEN level = 0 THEN "saleCents" ELSE 0 END) AS sales,
           SUM("amountCents") AS commission
    FROM "Commission"
    WHERE "resellerId" = ${actor.resellerId} AND status <> 'reversed' AND "createdAt" >= ${start}
    GROUP BY 1`;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const points: MonthPoint[] = [];
  for (let i = 0; i < months; i += 1) {
    const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString().slice(0, 7);
    const row = byMonth.get(month);
    points.push({ month, salesCents: Number(row?.sales ?? 0), commissionCents: Number(row?.commission ?? 0) });
  }
  return points;
}

/**
 * monthlyTrend per currency (ISO 4217, lower case), by currency: one series of the last
 * `months` months for each currency this reseller has commissions in; none without any.
 */
export async function monthlyTrendByCurrency(actor: ResellerActor, now: Date = new Date(), months = 12): Promise<{ currency: string; points: MonthPoint[] }[]> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const rows = await db.$queryRaw<{ month: string; currency: string; sales: bigint | null; commission: bigint | null }[]>`
    SELECT to_char(date_trunc('month', "createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, currency,
           SUM(CASE WHEN level = 0 THEN "saleCents" ELSE 0 END) AS sales,
           SUM("amountCents") AS commission
    FROM "Commission"
    WHERE "resellerId" = ${actor.resellerId} AND status <> 'reversed' AND "createdAt" >= ${start}
    GROUP BY 1, 2`;
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  return currencies.map((currency) => {
    const byMonth = new Map(rows.filter((row) => row.currency === currency).map((row) => [row.month, row]));
    const points: MonthPoint[] = [];
    for (let i = 0; i < months; i += 1) {
      const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString().slice(0, 7);
      const row = byMonth.get(month);
      points.push({ month, salesCents: Number(row?.sales ?? 0), commissionCents: Number(row?.commission ?? 0) });
    }
    return { currency, points };
  });
}

export interface SubResellerNode {
  id: string;
  name: string;
  tier: number;
  status: ResellerStatus;
  commissionRateBps: number;
  clientCount: number;
  /** What the viewing reseller earned through this sub-reseller's clients (overrides). */
  overrideCents: number;
  children: SubResellerNode[];
}

/** The viewing reseller's sub-resellers and theirs, as a tree (summary only). */
export async function subResellerTree(actor: ResellerActor): Promise<SubResellerNode[]> {
  const select = { id: true, name: true, tier: true, status: true, commissionRateBps: true, parentId: true, _count: { select: { clients: true } } } as const;
  const children = await db.reseller.findMany({ where: { parentId: actor.resellerId }, orderBy: { createdAt: 'asc' }, select });
  const grandchildren = children.length ? await db.reseller.findMany({ where: { parentId: { in: children.map((c) => c.id) } }, orderBy: { createdAt: 'asc' }, select }) : [];
  // Overrides: this reseller's commission rows, grouped by the client's reseller.
  const overrides = await db.$queryRaw<{ sellerId: string; cents: bigint }[]>`
    SELECT t."resellerId" AS "sellerId", SUM(c."amountCents") AS cents
    FROM "Commission" c JOIN "Tenant" t ON t.id = c."tenantId"
    WHERE c."resellerId" = ${actor.resellerId} AND c.level > 0 AND c.status <> 'reversed'
    GROUP BY t."resellerId"`;
  const earned = new Map(overrides.map((row) => [row.sellerId, Number(row.cents)]));
  const node = (row: (typeof children)[number], kids: SubResellerNode[]): SubResellerNode => ({
    id: row.id,
    name: row.name,
    tier: row.tier,
    status: row.status,
    commissionRateBps: row.commissionRateBps,
    clientCount: row._count.clients,
    overrideCents: (earned.get(row.id) ?? 0) + kids.reduce((sum, kid) => sum + kid.overrideCents, 0),
    children: kids,
  });
  return children.map((child) =>
    node(
      child,
      grandchildren.filter((g) => g.parentId === child.id).map((g) => node(g, [])),
    ),
  );
}

/**
 * What the viewing reseller earned through each of its sub-resellers (overrides, their own
 * sub-resellers' included), per currency: sub-reseller id → amounts by currency. The tree's
 * overrideCents adds currencies up; a page shows these.
 */
export async function subResellerOverrides(actor: ResellerActor): Promise<Record<string, { currency: string; cents: number }[]>> {
  const rows = await db.$queryRaw<{ sellerId: string; parentId: string | null; currency: string; cents: bigint }[]>`
    SELECT t."resellerId" AS "sellerId", r."parentId" AS "parentId", c.currency, SUM(c."amountCents") AS cents
    FROM "Commission" c JOIN "Tenant" t ON t.id = c."tenantId" JOIN "Reseller" r ON r.id = t."resellerId"
    WHERE c."resellerId" = ${actor.resellerId} AND c.level > 0 AND c.status <> 'reversed'
    GROUP BY 1, 2, 3`;
  const totals = new Map<string, Map<string, number>>();
  const add = (id: string, currency: string, cents: number) => {
    const own = totals.get(id) ?? new Map<string, number>();
    own.set(currency, (own.get(currency) ?? 0) + cents);
    totals.set(id, own);
  };
  for (const row of rows) {
    add(row.sellerId, row.currency, Number(row.cents));
    // A grandchild's client: the override counts for the direct sub-reseller above it too.
    if (row.parentId && row.parentId !== actor.resellerId) add(row.parentId, row.currency, Number(row.cents));
  }
  return Object.fromEntries([...totals].map(([id, amounts]) => [id, [...amounts].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ currency, cents }))]));
}

export interface CommissionLine {
  id: string;
  createdAt: Date;
  kind: string;
  level: number;
  status: CommissionStatus;
  /** The client's name for the reseller's own clients; null for overrides. */
  clientName: string | null;
  /** For overrides: the sub-reseller whose client it was. */
  viaResellerName: string | null;
  invoiceId: string;
  planId: string | null;
  saleCents: number;
  baseCents: number;
  rateBps: number;
  amountCents: number;
  /** ISO 4217, lower case: the currency of saleCents, baseCents and amountCents. */
  currency: string;
  availableAt: Date;
  payoutId: string | null;
}

const lineSelect = {
  id: true,
  createdAt: true,
  kind: true,
  level: true,
  status: true,
  invoiceId: true,
  planId: true,
  saleCents: true,
  baseCents: true,
  rateBps: true,
  amountCents: true,
  currency: true,
  availableAt: true,
  payoutId: true,
  tenant: { select: { name: true, resellerId: true, reseller: { select: { name: true } } } },
} as const;

type LineRow = { tenant: { name: string; resellerId: string | null; reseller: { name: string } | null } | null } & Omit<CommissionLine, 'clientName' | 'viaResellerName'>;

function toLine(actor: ResellerActor, row: LineRow): CommissionLine {
  const { tenant, ...rest } = row;
  // An erased workspace's commissions stay, under a placeholder name (lib/platform/tenant-erasure.ts).
  if (!tenant) return { ...rest, clientName: row.level === 0 ? ERASED_WORKSPACE : null, viaResellerName: null };
  const own = row.level === 0 && tenant.resellerId === actor.resellerId;
  return { ...rest, clientName: own ? tenant.name : null, viaResellerName: own ? null : (tenant.reseller?.name ?? null) };
}

/** The reseller's latest commissions (own sales with the client; overrides via the sub-reseller). */
export async function recentCommissions(actor: ResellerActor, take = 50): Promise<CommissionLine[]> {
  const rows = await db.commission.findMany({ where: { resellerId: actor.resellerId }, orderBy: { createdAt: 'desc' }, take, select: lineSelect });
  return rows.map((row) => toLine(actor, row));
}

/** How and when the reseller is paid. */
export async function payoutTerms(actor: ResellerActor): Promise<{ payoutMinimumCents: number; holdingDays: number; stripeConnectAccountId: string | null }> {
  return db.reseller.findUniqueOrThrow({ where: { id: actor.resellerId }, select: { payoutMinimumCents: true, holdingDays: true, stripeConnectAccountId: true } });
}

export interface PayoutRow {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  totalCents: number;
  /** ISO 4217, lower case: the currency of totalCents. */
  currency: string;
  method: string;
  status: string;
  reference: string | null;
  paidAt: Date | null;
  commissions: number;
}

export async function listPayouts(actor: ResellerActor): Promise<PayoutRow[]> {
  const rows = await db.payout.findMany({
    where: { resellerId: actor.resellerId },
    orderBy: { periodStart: 'desc' },
    take: 120,
    select: { id: true, periodStart: true, periodEnd: true, totalCents: true, currency: true, method: true, status: true, reference: true, paidAt: true, _count: { select: { commissions: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, commissions: _count.commissions }));
}

/** One of the reseller's own payouts with its lines; another reseller's payout is "not found". */
export async function payoutStatement(actor: ResellerActor, payoutId: string): Promise<{ payout: PayoutRow; lines: CommissionLine[] }> {
  const payout = await db.payout.findFirst({
    where: { id: payoutId, resellerId: actor.resellerId },
    select: { id: true, periodStart: true, periodEnd: true, totalCents: true, currency: true, method: true, status: true, reference: true, paidAt: true, _count: { select: { commissions: true } } },
  });
  if (!payout) throw notFound('No such payout.');
  const rows = await db.commission.findMany({ where: { payoutId, resellerId: actor.resellerId }, orderBy: { createdAt: 'asc' }, select: lineSelect });
  const { _count, ...rest } = payout;
  return { payout: { ...rest, commissions: _count.commissions }, lines: rows.map((row) => toLine(actor, row)) };
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote anything with separators, and neutralize spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const cents = (value: number) => (value / 100).toFixed(2);

// Amounts are decimals of the line's currency (a payout is in one currency, so all its lines are).
export const STATEMENT_HEADER = ['date', 'kind', 'level', 'client', 'via_sub_reseller', 'invoice', 'plan', 'currency', 'sale', 'base', 'rate_percent', 'commission', 'status'];

/** The payout statement as CSV (UTF-8, CRLF), with a total line. */
export function statementCsv(statement: { payout: PayoutRow; lines: CommissionLine[] }): string {
  const lines = [STATEMENT_HEADER.join(',')];
  for (const line of statement.lines) {
    lines.push(
      [
        line.createdAt.toISOString().slice(0, 10),
        line.kind,
        line.level,
        line.clientName,
        line.viaResellerName,
        line.invoiceId,
        line.planId,
        line.currency.toUpperCase(),
        cents(line.saleCents),
        cents(line.baseCents),
        (line.rateBps / 100).toFixed(2),
        cents(line.amountCents),
        line.status,
      ]
        .map(csvField)
        .join(','),
    );
  }
  lines.push(['total', '', '', '', '', '', '', statement.payout.currency.toUpperCase(), '', '', '', cents(statement.payout.totalCents), statement.payout.status].map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
