import { z } from 'zod';
import { db, Prisma } from '../db/client.ts';
import type { TenantStatus } from '../db/generated/enums.ts';
import { parseDateOnly } from '../goals/dates.ts';

// The operator console's workspace list and its figures. Every workspace on the platform, so
// these read through the platform-wide client (the operator is not inside any tenant).

export const TENANT_STATUSES = ['trial', 'active', 'past_due', 'suspended', 'canceled', 'scheduled_for_deletion'] as const satisfies readonly TenantStatus[];
/** Workspaces that pay: their plan's monthly price counts towards MRR. */
const PAYING: TenantStatus[] = ['active', 'past_due'];
export const TENANT_PAGE_SIZE = 25;
export const SIGNUP_WEEKS = 12;

/** "none": workspaces sold directly (no reseller). */
export const DIRECT = 'none';

export const TENANT_SORTS = ['created', 'name', 'members', 'activity'] as const;
export type TenantSort = (typeof TENANT_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
/** The direction a column sorts in when first chosen: names A to Z, the rest biggest or latest first. */
export const FIRST_DIRECTION: Record<TenantSort, SortDirection> = { created: 'desc', name: 'asc', members: 'desc', activity: 'desc' };

/** Active in the last 7 or 30 days, or not in the last 30 (what counts as activity: activeSince below). */
export const ACTIVITY_FILTERS = ['active_7d', 'active_30d', 'inactive_30d'] as const;
export type ActivityFilter = (typeof ACTIVITY_FILTERS)[number];

const DAY_MS = 86_400_000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
const day = z
  .string()
  .refine((value) => parseDateOnly(value) !== null)
  .optional();

/** The list's query string. Anything unreadable falls back to "no filter", the default order or page 1: it is a URL people edit. */
export const tenantListQuerySchema = z.object({
  q: text(100).catch(undefined),
  status: z.enum(TENANT_STATUSES).optional().catch(undefined),
  plan: text(50).catch(undefined),
  reseller: text(50).catch(undefined),
  /** Created on or after this UTC day, and on or before createdTo (both inclusive). */
  createdFrom: day.catch(undefined),
  createdTo: day.catch(undefined),
  activity: z.enum(ACTIVITY_FILTERS).optional().catch(undefined),
  sort: z.enum(TENANT_SORTS).catch('created').default('created'),
  /** Without one (or a bad one), the column's first direction. */
  dir: z.enum(SORT_DIRECTIONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type TenantListQuery = z.infer<typeof tenantListQuerySchema>;
/** The filters alone (no order, no page). */
export type TenantFilters = Partial<Omit<TenantListQuery, 'page' | 'sort' | 'dir'>>;
export type TenantOrder = { sort?: TenantSort; dir?: SortDirection };

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
  /** Null: nobody was ever seen in it (or not since sessions and events were purged). */
  lastActivityAt: Date | null;
}

export interface TenantPage {
  rows: TenantRow[];
  /** Workspaces matching the filters (all pages). */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

// A workspace's last activity: the latest moment one of its members was seen in it (their
// session's lastSeenAt, written every few minutes while they use it; an operator's "act as"
// session is not the member) or did something recorded (a domain event with a person as its
// actor, which API and integration writes also make). Both are real records of people using
// the workspace; request logs only see the public API, and audit entries include jobs and
// staff. Sessions go 30 days after they end and events after a year (lib/retention), so an
// old enough workspace may show none.
function activeSince(since: Date): Prisma.TenantWhereInput {
  return {
    OR: [{ sessions: { some: { impersonationId: null, lastSeenAt: { gte: since } } } }, { domainEvents: { some: { actorId: { not: null }, occurredAt: { gte: since } } } }],
  };
}

const lastActivitySql = (tenantId: Prisma.Sql) => Prisma.sql`GREATEST(
    (SELECT max(s."lastSeenAt") FROM "UserSession" s WHERE s."tenantId" = ${tenantId} AND s."impersonationId" IS NULL),
    (SELECT max(e."occurredAt") FROM "DomainEvent" e WHERE e."tenantId" = ${tenantId} AND e."actorId" IS NOT NULL))`;

function whereOf(query: TenantFilters, now: Date): Prisma.TenantWhereInput {
  const and: Prisma.TenantWhereInput[] = [];
  if (query.q) and.push({ OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { slug: { contains: query.q.toLowerCase() } }] });
  if (query.status) and.push({ status: query.status });
  if (query.plan) and.push({ plan: query.plan });
  if (query.reseller) and.push({ resellerId: query.reseller === DIRECT ? null : query.reseller });
  const from = query.createdFrom ? parseDateOnly(query.createdFrom) : null;
  const to = query.createdTo ? parseDateOnly(query.createdTo) : null;
  if (from) and.push({ createdAt: { gte: from } });
  if (to) and.push({ createdAt: { lt: new Date(to.getTime() + DAY_MS) } });
  if (query.activity === 'active_7d') and.push(activeSince(new Date(now.getTime() - 7 * DAY_MS)));
  if (query.activity === 'active_30d') and.push(activeSince(new Date(now.getTime() - 30 * DAY_MS)));
  if (query.activity === 'inactive_30d') and.push({ NOT: activeSince(new Date(now.getTime() - 30 * DAY_MS)) });
  return { AND: and };
}

function orderOf(sort: 'created' | 'name', dir: SortDirection): Prisma.TenantOrderByWithRelationInput[] {
  // The id breaks ties, so rows never repeat or go missing between pages.
  return [sort === 'name' ? { name: dir } : { createdAt: dir }, { id: dir }];
}

/**
 * Member counts of these workspaces, one grouped read of their memberships. (A count per
 * workspace in a subquery lets the planner scan the whole table once per workspace when the
 * statistics say a workspace is big, 1.1 s for 101 workspaces in npm run bench:scale; Prisma's
 * relation count groups every workspace's memberships, whatever the filter.)
 */
const memberCountsSql = (ids: string[]) => Prisma.sql`SELECT "tenantId", count(*)::int AS n FROM "Membership" WHERE "tenantId" = ANY (${ids}::text[]) GROUP BY 1`;

/**
 * One page of ids ordered by a figure Prisma cannot order by, computed for the matching
 * workspaces only, with the figure. Ties go by id.
 */
async function pageByFigure(where: Prisma.TenantWhereInput, sort: 'members' | 'activity', dir: SortDirection, skip: number, take: number): Promise<{ id: string; figure: number | Date | null }[]> {
  const ids = (await db.tenant.findMany({ where, select: { id: true } })).map((row) => row.id);
  if (ids.length === 0) return [];
  // Never-active workspaces count as the least recently active.
  const order = dir === 'asc' ? Prisma.sql`figure ASC NULLS FIRST, id ASC` : Prisma.sql`figure DESC NULLS LAST, id DESC`;
  const figures =
    sort === 'members'
      ? Prisma.sql`SELECT t.id, coalesce(c.n, 0) AS figure FROM unnest(${ids}::text[]) AS t(id) LEFT JOIN (${memberCountsSql(ids)}) c ON c."tenantId" = t.id`
      : Prisma.sql`SELECT t.id, ${lastActivitySql(Prisma.sql`t.id`)} AS figure FROM unnest(${ids}::text[]) AS t(id)`;
  return db.$queryRaw<{ id: string; figure: number | Date | null }[]>`SELECT id, figure FROM (${figures}) a ORDER BY ${order} OFFSET ${skip} LIMIT ${take}`;
}

/** Each page row's member count (unless already counted) and last activity, for that page's workspaces alone. */
async function figuresOf(ids: string[], counted?: Map<string, number>): Promise<Map<string, { members: number; lastActivityAt: Date | null }>> {
  if (ids.length === 0) return new Map();
  if (counted) {
    const rows = await db.$queryRaw<{ id: string; lastActivityAt: Date | null }[]>`
      SELECT t.id, ${lastActivitySql(Prisma.sql`t.id`)} AS "lastActivityAt" FROM unnest(${ids}::text[]) AS t(id)`;
    return new Map(rows.map(({ id, lastActivityAt }) => [id, { members: counted.get(id) ?? 0, lastActivityAt }]));
  }
  const rows = await db.$queryRaw<{ id: string; members: number; lastActivityAt: Date | null }[]>`
    SELECT t.id, coalesce(c.n, 0) AS members, ${lastActivitySql(Prisma.sql`t.id`)} AS "lastActivityAt"
    FROM unnest(${ids}::text[]) AS t(id) LEFT JOIN (${memberCountsSql(ids)}) c ON c."tenantId" = t.id`;
  return new Map(rows.map(({ id, ...figures }) => [id, figures]));
}

const ROW_SELECT = { id: true, slug: true, name: true, status: true, plan: true, trialEndsAt: true, createdAt: true, reseller: { select: { id: true, name: true } } } as const;

/** One page of workspaces with the filters applied, newest first unless sorted otherwise. A page past the end shows the last one. */
export async function listTenantsForOperator(query: TenantFilters & TenantOrder & { page?: number }, pageSize = TENANT_PAGE_SIZE, now = new Date()): Promise<TenantPage> {
  const where = whereOf(query, now);
  const sort = query.sort ?? 'created';
  const dir = query.dir ?? FIRST_DIRECTION[sort];
  const total = await db.tenant.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pageCount);
  const skip = (page - 1) * pageSize;
  let rows;
  let counted: Map<string, number> | undefined;
  if (sort === 'activity' || sort === 'members') {
    const ordered = await pageByFigure(where, sort, dir, skip, pageSize);
    const ids = ordered.map((row) => row.id);
    if (sort === 'members') counted = new Map(ordered.map((row) => [row.id, row.figure as number]));
    const found = new Map((await db.tenant.findMany({ where: { id: { in: ids } }, select: ROW_SELECT })).map((row) => [row.id, row]));
    rows = ids.flatMap((id) => found.get(id) ?? []);
  } else {
    rows = await db.tenant.findMany({ where, orderBy: orderOf(sort, dir), skip, take: pageSize, select: ROW_SELECT });
  }
  const figures = await figuresOf(rows.map((row) => row.id), counted);
  return {
    rows: rows.map((row) => ({ ...row, members: figures.get(row.id)?.members ?? 0, lastActivityAt: figures.get(row.id)?.lastActivityAt ?? null })),
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
  const where = whereOf(filters, now);
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
