import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import type { TenantStatus } from '../../lib/db/generated/enums.ts';
import { newEventId } from '../../lib/events/domain-events.ts';
import { DIRECT, listTenantsForOperator, parseTenantListQuery, SIGNUP_WEEKS, tenantFigures, weekStartUtc } from '../../lib/platform/tenant-directory.ts';
import { createMember } from '../support/factories.ts';
import { createReseller } from '../support/resellers.ts';

// The operator console's workspace list and figures, on real PostgreSQL. Other test files make
// workspaces at the same time, so every query here is narrowed to this file's own workspaces by
// a search for a marker in their names (the figures follow the same filters as the list).

const DAY = 86_400_000;
const marker = `dir${randomBytes(4).toString('hex')}`;
const now = new Date();
let resellerId: string;
const slugs: Record<string, string> = {};
const ids: Record<string, string> = {};

async function workspace(key: string, data: { status: TenantStatus; plan: string; daysAgo: number; reseller?: boolean; members?: number }) {
  const slug = `${marker}-${key}`;
  const tenant = await db.tenant.create({
    data: { slug, name: `Directory ${key.toUpperCase()} ${marker}`, status: data.status, plan: data.plan, resellerId: data.reseller ? resellerId : null, createdAt: new Date(now.getTime() - data.daysAgo * DAY), branding: { create: {} } },
  });
  for (let i = 0; i < (data.members ?? 0); i++) await createMember(tenant.id);
  slugs[key] = slug;
  ids[key] = tenant.id;
  return tenant;
}

const ago = (ms: number) => new Date(now.getTime() - ms);

/** A member seen in the workspace (their session's lastSeenAt) at that time. */
async function seen(key: string, at: Date) {
  const user = await createMember(ids[key]);
  await db.userSession.create({ data: { userId: user.id, tenantId: ids[key], method: 'password', createdAt: at, lastSeenAt: at, expiresAt: new Date(now.getTime() + DAY) } });
}

/** Something recorded in the workspace (a domain event), by a member or (actor false) by the system. */
async function event(key: string, at: Date, actor = true) {
  const actorId = actor ? (await createMember(ids[key])).id : null;
  await db.domainEvent.create({ data: { id: newEventId(), tenantId: ids[key], type: 'goal.updated', actorId, payload: {}, occurredAt: at, publishedAt: at } });
}

beforeAll(async () => {
  resellerId = (await createReseller()).id;
  // The reseller sells pro at its own price: MRR counts that price for its clients.
  await db.resellerPrice.create({ data: { resellerId, planId: 'pro', priceCents: 12_000 } });
  await workspace('a', { status: 'active', plan: 'pro', daysAgo: 0, members: 2 });
  await workspace('b', { status: 'past_due', plan: 'basic', daysAgo: 21, members: 1 });
  await workspace('c', { status: 'trial', plan: 'pro', daysAgo: 10 });
  await workspace('d', { status: 'suspended', plan: 'enterprise', daysAgo: 1 });
  await workspace('e', { status: 'active', plan: 'pro', daysAgo: 2, reseller: true, members: 3 });
  await workspace('f', { status: 'canceled', plan: 'basic', daysAgo: 3, reseller: true });
  await workspace('g', { status: 'active', plan: 'free', daysAgo: 140 });
});

describe('the operator list of workspaces', () => {
  it('searches by name (any case) or slug, newest first, with members and reseller', async () => {
    const page = await listTenantsForOperator({ q: marker.toUpperCase() });
    expect(keysOf(page.rows)).toEqual(['a', 'd', 'e', 'f', 'c', 'b', 'g']);
    expect(page).toMatchObject({ total: 7, page: 1, pageCount: 1 });
    const e = page.rows.find((row) => row.slug === slugs.e)!;
    expect(e).toMatchObject({ status: 'active', plan: 'pro', members: 3, reseller: { id: resellerId } });
    expect(page.rows.find((row) => row.slug === slugs.a)).toMatchObject({ members: 2, reseller: null });
    expect(keysOf((await listTenantsForOperator({ q: `${marker}-c` })).rows)).toEqual(['c']);
  });

  it('filters by status, plan and reseller (or none), alone and together', async () => {
    const keys = async (filters: Parameters<typeof listTenantsForOperator>[0]) => keysOf((await listTenantsForOperator({ q: marker, ...filters })).rows);
    expect(await keys({ status: 'active' })).toEqual(['a', 'e', 'g']);
    expect(await keys({ plan: 'pro' })).toEqual(['a', 'e', 'c']);
    expect(await keys({ reseller: resellerId })).toEqual(['e', 'f']);
    expect(await keys({ reseller: DIRECT })).toEqual(['a', 'd', 'c', 'b', 'g']);
    expect(await keys({ status: 'active', plan: 'pro', reseller: DIRECT })).toEqual(['a']);
    expect(await keys({ status: 'canceled', plan: 'pro' })).toEqual([]);
  });

  it('pages without repeating or losing a row; a page past the end shows the last one', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listTenantsForOperator({ q: marker, page }, 3)));
    expect(pages.map((page) => keysOf(page.rows))).toEqual([['a', 'd', 'e'], ['f', 'c', 'b'], ['g']]);
    expect(pages.map((page) => [page.page, page.pageCount, page.total])).toEqual([
      [1, 3, 7],
      [2, 3, 7],
      [3, 3, 7],
    ]);
    const beyond = await listTenantsForOperator({ q: marker, page: 99 }, 3);
    expect([beyond.page, keysOf(beyond.rows)]).toEqual([3, ['g']]);
    const none = await listTenantsForOperator({ q: `${marker}-nothing` }, 3);
    expect(none).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe('the operator figures', () => {
  it('counts workspaces by status and plan, their members, MRR and sign-ups per week', async () => {
    const figures = await tenantFigures({ q: marker }, now);
    expect(figures.total).toBe(7);
    expect(figures.byStatus).toEqual({ trial: 1, active: 3, past_due: 1, suspended: 1, canceled: 1, scheduled_for_deletion: 0 });
    expect(Object.fromEntries(figures.byPlan.map((plan) => [plan.plan, plan.count]))).toEqual({ free: 1, basic: 2, pro: 3, enterprise: 1 });
    // In the plans' own order (free first), with their names.
    expect(figures.byPlan.map((plan) => plan.plan)).toEqual(['free', 'basic', 'pro', 'enterprise']);
    expect(figures.byPlan.find((plan) => plan.plan === 'pro')?.name).toBe('Pro');
    expect(figures.members).toBe(6);
    // Paying: a (pro, list price), b (basic, past due), e (pro at the reseller's price), g (free).
    // Not c (trial), d (suspended), f (canceled).
    const price = async (id: string) => (await db.plan.findUniqueOrThrow({ where: { id } })).priceCents;
    expect(figures.mrrCents).toBe((await price('pro')) + (await price('basic')) + 12_000 + (await price('free')));

    expect(figures.signupsPerWeek).toHaveLength(SIGNUP_WEEKS);
    expect(figures.signupsPerWeek.at(-1)?.weekStart).toBe(weekStartUtc(now).toISOString().slice(0, 10));
    const expected = new Map<string, number>();
    for (const daysAgo of [0, 21, 10, 1, 2, 3]) {
      const week = weekStartUtc(new Date(now.getTime() - daysAgo * DAY)).toISOString().slice(0, 10);
      expected.set(week, (expected.get(week) ?? 0) + 1);
    }
    expect(figures.signupsPerWeek.filter((week) => week.count > 0).map((week) => [week.weekStart, week.count])).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)));
  });

  it('follows the filters', async () => {
    const resold = await tenantFigures({ q: marker, reseller: resellerId }, now);
    expect([resold.total, resold.members, resold.mrrCents]).toEqual([2, 3, 12_000]);
    expect(resold.byStatus).toMatchObject({ active: 1, canceled: 1, trial: 0 });
  });
});

describe('the list query string', () => {
  it('reads filters and page; what it cannot read means no filter or page 1', () => {
    expect(parseTenantListQuery({ q: ' acme ', status: 'past_due', plan: 'pro', reseller: DIRECT, page: '3' })).toEqual({ q: 'acme', status: 'past_due', plan: 'pro', reseller: DIRECT, sort: 'created', page: 3 });
    expect(parseTenantListQuery({})).toEqual({ q: undefined, status: undefined, plan: undefined, reseller: undefined, createdFrom: undefined, createdTo: undefined, activity: undefined, sort: 'created', dir: undefined, page: 1 });
    expect(parseTenantListQuery({ q: '   ', status: 'deleted', page: 'abc' })).toMatchObject({ q: undefined, status: undefined, page: 1 });
    expect(parseTenantListQuery({ page: '-2' }).page).toBe(1);
    expect(parseTenantListQuery({ page: '1.5' }).page).toBe(1);
    expect(parseTenantListQuery({ page: ['2', '5'], status: ['trial', 'active'] })).toMatchObject({ page: 2, status: 'trial' });
    expect(parseTenantListQuery({ q: 'x'.repeat(101) }).q).toBeUndefined();
  });

  it('reads the order, the creation days and the activity; a bad one falls back', () => {
    expect(parseTenantListQuery({ sort: 'activity', dir: 'asc', createdFrom: '2026-01-31', createdTo: '2026-02-28', activity: 'inactive_30d' })).toMatchObject({
      sort: 'activity',
      dir: 'asc',
      createdFrom: '2026-01-31',
      createdTo: '2026-02-28',
      activity: 'inactive_30d',
    });
    expect(parseTenantListQuery({ sort: 'revenue', dir: 'sideways', createdFrom: '2026-02-30', createdTo: '31/01/2026', activity: 'sometimes' })).toMatchObject({
      sort: 'created',
      dir: undefined,
      createdFrom: undefined,
      createdTo: undefined,
      activity: undefined,
    });
    expect(parseTenantListQuery({ createdFrom: '2026-13-45' }).createdFrom).toBeUndefined();
  });
});

describe('weeks', () => {
  it('start on Monday, UTC', () => {
    expect(weekStartUtc(new Date('2026-12-06T23:59:59Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z'); // a Sunday
    expect(weekStartUtc(new Date('2026-12-07T00:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z'); // a Monday
  });
});

describe('order, dates and activity', () => {
  beforeAll(async () => {
    // Last activity: e an hour ago (seen; an older event), a 2 days ago, b 10 days ago (an
    // event), d 35 days ago (an event after an older session); c has only an event nobody
    // made (a job's), f and g nothing. (Their members join after the figures above were checked.)
    await seen('e', ago(3_600_000));
    await event('e', ago(5 * DAY));
    await seen('a', ago(2 * DAY));
    await event('b', ago(10 * DAY));
    await seen('d', ago(40 * DAY));
    await event('d', ago(35 * DAY));
    await event('c', ago(DAY), false);
  });

  const keys = async (query: Parameters<typeof listTenantsForOperator>[0], pageSize?: number) => keysOf((await listTenantsForOperator({ q: marker, ...query }, pageSize, now)).rows);
  const byIdDesc = (...list: string[]) => [...list].sort((x, y) => (ids[x] < ids[y] ? 1 : -1));

  it('sorts by name, members, creation and last activity, both ways, ties broken by id', async () => {
    expect(await keys({ sort: 'name' })).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(await keys({ sort: 'name', dir: 'desc' })).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    expect(await keys({ sort: 'created', dir: 'asc' })).toEqual(['g', 'b', 'c', 'f', 'e', 'd', 'a']);
    // Members, most first (the members seen and acting above joined: a 3, b 2, d 2, e 5); equal counts by id.
    const members = await listTenantsForOperator({ q: marker, sort: 'members' }, undefined, now);
    expect(members.rows.map((row) => row.members)).toEqual([5, 3, 2, 2, 0, 0, 0]);
    expect(keysOf(members.rows)).toEqual(['e', 'a', ...byIdDesc('b', 'd'), ...byIdDesc('c', 'f', 'g')]);
    expect(keysOf((await listTenantsForOperator({ q: marker, sort: 'members', dir: 'asc' }, undefined, now)).rows)).toEqual([...byIdDesc('c', 'f', 'g').reverse(), ...byIdDesc('b', 'd').reverse(), 'a', 'e']);
    // Most recently active first; never active last (least recently active first the other way round).
    expect(await keys({ sort: 'activity' })).toEqual(['e', 'a', 'b', 'd', ...byIdDesc('c', 'f', 'g')]);
    expect(await keys({ sort: 'activity', dir: 'asc' })).toEqual([...byIdDesc('c', 'f', 'g').reverse(), 'd', 'b', 'a', 'e']);
    // Pages by activity neither repeat nor lose a row.
    const pages = await Promise.all([1, 2, 3].map((page) => listTenantsForOperator({ q: marker, sort: 'activity', page }, 3, now)));
    expect(pages.flatMap((page) => keysOf(page.rows))).toEqual(await keys({ sort: 'activity' }));
  });

  it('shows each workspace’s last activity: a member seen or an event with an actor, whichever is later', async () => {
    const rows = new Map((await listTenantsForOperator({ q: marker }, undefined, now)).rows.map((row) => [row.slug.slice(marker.length + 1), row.lastActivityAt?.getTime() ?? null]));
    expect(Object.fromEntries(rows)).toEqual({ a: ago(2 * DAY).getTime(), b: ago(10 * DAY).getTime(), c: null, d: ago(35 * DAY).getTime(), e: ago(3_600_000).getTime(), f: null, g: null });
  });

  it('filters by activity and by the day of creation (both ends included), and the figures follow', async () => {
    expect(await keys({ activity: 'active_7d' })).toEqual(['a', 'e']);
    expect(await keys({ activity: 'active_30d' })).toEqual(['a', 'e', 'b']);
    expect(await keys({ activity: 'inactive_30d' })).toEqual(['d', 'f', 'c', 'g']);
    const day = (daysAgo: number) => ago(daysAgo * DAY).toISOString().slice(0, 10);
    expect(await keys({ createdFrom: day(3) })).toEqual(['a', 'd', 'e', 'f']);
    expect(await keys({ createdTo: day(2) })).toEqual(['e', 'f', 'c', 'b', 'g']);
    expect(await keys({ createdFrom: day(3), createdTo: day(2) })).toEqual(['e', 'f']);
    expect(await keys({ createdFrom: day(3), activity: 'active_7d', sort: 'name' })).toEqual(['a', 'e']);

    const active = await tenantFigures({ q: marker, activity: 'active_30d' }, now);
    expect([active.total, active.members]).toEqual([3, 3 + 2 + 5]);
    expect(active.byStatus).toMatchObject({ active: 2, past_due: 1 });
    const recent = await tenantFigures({ q: marker, createdFrom: day(3), createdTo: day(2) }, now);
    expect([recent.total, recent.byStatus.active, recent.byStatus.canceled]).toEqual([2, 1, 1]);
  });
});

const keysOf = (rows: { slug: string }[]) => rows.map((row) => row.slug.slice(marker.length + 1));
