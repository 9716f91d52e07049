import { z } from 'zod';
import { db, type Prisma } from '../db/client.ts';
import type { TenantStatus } from '../db/generated/enums.ts';

// The operator console's workspace list and its figures. Every workspace on the platform, so
// these read through the platform-wide client (the operator is not inside any tenant).

export const TENANT_STATUSES = ['trial', 'active', 'past_due', 'suspended', 'canceled', 'scheduled_for_deletion'] as const satisfies readonly TenantStatus[];
/** Workspaces that pay: their plan's monthly price counts towards MRR. */
const PAYING: TenantStatus[] = ['active', 'past_due'];
export const TENANT_PAGE_SIZE = 25;
export const SIGNUP_WEEKS = 12;

/** "none": workspaces sold directly (no reseller). */
export const DIRECT = 'none';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/** The list's query string. Anything unreadable falls back to "no filter" or page 1: it is a URL people edit. */
export const tenantListQuerySchema = z.object({
  q: text(100).catch(undefined),
  status: z.enum(TENANT_STATUSES).optional().catch(undefined),
  plan: text(50).catch(undefined),
  reseller: text(50).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type TenantListQuery = z.infer<typeof tenantListQuerySchema>;
/** The filters alone (no page). */
export type TenantFilters = Partial<Omit<TenantListQuery, 'page'>>;

/** From Next's searchParams (a repeated key counts once: the first). */
export function parseTenantListQuery(params: Record<string, string | string[] | undefined>): TenantListQuery {
  const first = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return tenantListQuerySchema.parse(first);
}

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: string;
  /** When its trial ends (lib/billing/trials.ts); shown while the status is trial. */
  trialEndsAt: Date | null;
  members: number;
  reseller: { id: string; name: string } | null;
  createdAt: Date;
}

export interface TenantPage {
  rows: TenantRow[];
  /** Workspaces matching the filters (all pages). */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

function whereOf(query: TenantFilters): Prisma.TenantWhereInput {
  const where: Prisma.TenantWhereInput = {};
  if (query.q) where.OR = [{ name: { contains: query.q, mode: 'insensitive' } }, { slug: { contains: query.q.toLowerCase() } }];
  if (query.status) where.status = query.status;
  if (query.plan) where.plan = query.plan;
  if (query.reseller) where.resellerId = query.reseller === DIRECT ? null : query.reseller;
  return where;
}

/** One page of workspaces, newest first, with the filters applied. A page past the end shows the last one. */
export async function listTenantsForOperator(query: TenantFilters & { page?: number }, pageSize = TENANT_PAGE_SIZE): Promise<TenantPage> {
  const where = whereOf(query);
  const total = await db.tenant.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pageCount);
  const rows = await db.tenant.findMany({
    where,
    // The id breaks ties, so rows never repeat or go missing between pages.
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, slug: true, name: true, status: true, plan: true, trialEndsAt: true, createdAt: true, reseller: { select: { id: true, name: true } }, _count: { select: { memberships: true } } },
  });
  return {
    rows: rows.map(({ _count, ...row }) => ({ ...row, members: _count.memberships })),
    total,
    page,
    pageCount,
    pageSize,
  };
}

export interface TenantFigures {
  total: number;
  byStatus: Record<TenantStatus, number>;
  byPlan: { plan: string; name: string; count: number }[];
  /** Memberships across all workspaces (a person in two workspaces counts twice). */
  members: number;
  /**
   * Monthly recurring revenue in cents: for each active or past-due workspace, its reseller's
   * price for its plan when the reseller set one, else the plan's list price. Trials, suspended
   * and canceled workspaces and partners' sandboxes pay nothing.
   */
  mrrCents: number;
  /** New workspaces per week (weeks start on Monday, UTC), oldest first, SIGNUP_WEEKS of them. */
  signupsPerWeek: { weekStart: string; count: number }[];
}

/** Monday 00:00 UTC of the week holding `date`. */
export function weekStartUtc(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

/** The figures of the workspaces matching the list's filters (all of them when there are none). */
export async function tenantFigures(filters: TenantFilters = {}, now = new Date()): Promise<TenantFigures> {
  const where = whereOf(filters);
  const firstWeek = new Date(weekStartUtc(now).getTime() - (SIGNUP_WEEKS - 1) * 7 * 86_400_000);
  const [statusGroups, planGroups, plans, members, paying, recent] = await Promise.all([
    db.tenant.groupBy({ by: ['status'], where, _count: { _all: true } }),
    db.tenant.groupBy({ by: ['plan'], where, _count: { _all: true } }),
    db.plan.findMany({ select: { id: true, name: true, sortOrder: true, priceCents: true } }),
    db.membership.count({ where: { tenant: where } }),
    // Partners' sandbox workspaces are on enterprise with no bill: never paying.
    db.tenant.groupBy({ by: ['plan', 'resellerId'], where: { AND: [where, { status: { in: PAYING }, sandboxOfPartnerId: null }] }, _count: { _all: true } }),
    db.tenant.findMany({ where: { AND: [where, { createdAt: { gte: firstWeek } }] }, select: { createdAt: true } }),
  ]);
  const byStatus = Object.fromEntries(TENANT_STATUSES.map((status) => [status, 0])) as Record<TenantStatus, number>;
  for (const group of statusGroups) byStatus[group.status] = group._count._all;
  const planInfo = new Map(plans.map((plan) => [plan.id, plan]));
  const byPlan = planGroups
    .map((group) => ({ plan: group.plan, name: planInfo.get(group.plan)?.name ?? group.plan, count: group._count._all, order: planInfo.get(group.plan)?.sortOrder ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order || a.plan.localeCompare(b.plan))
    .map(({ plan, name, count }) => ({ plan, name, count }));

  const resellerIds = [...new Set(paying.flatMap((group) => (group.resellerId ? [group.resellerId] : [])))];
  const resellerPrices = resellerIds.length ? await db.resellerPrice.findMany({ where: { resellerId: { in: resellerIds } }, select: { resellerId: true, planId: true, priceCents: true } }) : [];
  const priceOf = new Map(resellerPrices.map((price) => [`${price.resellerId}:${price.planId}`, price.priceCents]));
  const mrrCents = paying.reduce((sum, group) => {
    const listPrice = planInfo.get(group.plan)?.priceCents ?? 0;
    const price = group.resellerId ? (priceOf.get(`${group.resellerId}:${group.plan}`) ?? listPrice) : listPrice;
    return sum + price * group._count._all;
  }, 0);

  const counts = new Map<string, number>();
  for (const { createdAt } of recent) {
    const week = weekStartUtc(createdAt).toISOString().slice(0, 10);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const signupsPerWeek = Array.from({ length: SIGNUP_WEEKS }, (_, i) => {
    const weekStart = new Date(firstWeek.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10);
    return { weekStart, count: counts.get(weekStart) ?? 0 };
  });
  return {
    total: statusGroups.reduce((sum, group) => sum + group._count._all, 0),
    byStatus,
    byPlan,
    members,
    mrrCents,
    signupsPerWeek,
  };
}

/** The reseller filter's choices. */
export function listResellerChoices(): Promise<{ id: string; name: string }[]> {
  return db.reseller.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
