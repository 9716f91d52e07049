import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as analyticsRoute from '../../app/api/platform/analytics/route.ts';
import { db } from '../../lib/db/client.ts';
import type { TenantStatus } from '../../lib/db/generated/enums.ts';
import { newEventId } from '../../lib/events/domain-events.ts';
import { addDays, formatDateOnly, parseDateOnly } from '../../lib/goals/dates.ts';
import { activeUsersPerDay } from '../../lib/platform/analytics/active-users.ts';
import { apiCallsPerDay } from '../../lib/platform/analytics/api-calls.ts';
import { mrrPerDay } from '../../lib/platform/analytics/mrr.ts';
import { platformAnalytics } from '../../lib/platform/analytics/platform-analytics.ts';
import { parseAnalyticsRange, rangeOf } from '../../lib/platform/analytics/range.ts';
import { signupsPerDay } from '../../lib/platform/analytics/signups.ts';
import { webhookDeliveriesPerDay } from '../../lib/platform/analytics/webhook-deliveries.ts';
import { callRoute } from '../support/app-client.ts';
import { uniqueSlug, createStaff } from '../support/factories.ts';
import { createReseller } from '../support/resellers.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The operator's platform analytics on real PostgreSQL. The figures are platform-wide, and
// other test files (and the jobs) write to the same database at the same time, so each part
// lives in days nobody else writes to: activity, API calls and webhooks in days centuries
// ahead (no purge reaches the future), revenue in a week decades back (nothing else was
// created then, and revenue counts every workspace created before a day). The weeks are
// picked at random and the rows removed afterwards, so runs on one database do not meet.

const DAY = 86_400_000;
const future = addDays(parseDateOnly('2300-01-01')!, randomInt(0, 20_000));
const past = addDays(parseDateOnly('1975-01-01')!, randomInt(0, 5_000));
const at = (base: Date, days: number, hour = 12) => new Date(base.getTime() + days * DAY + hour * 3_600_000);
const day = (base: Date, days: number) => formatDateOnly(addDays(base, days));
const marker = `an${randomBytes(4).toString('hex')}`;
const tenantIds: string[] = [];
const userIds: string[] = [];

async function tenant(data: { createdAt: Date; status?: TenantStatus; plan?: string; resellerId?: string }) {
  const row = await db.tenant.create({ data: { slug: uniqueSlug(marker), name: `Analytics ${marker}`, status: data.status ?? 'active', plan: data.plan ?? 'free', resellerId: data.resellerId ?? null, createdAt: data.createdAt } });
  tenantIds.push(row.id);
  return row;
}

async function user(createdAt: Date) {
  const row = await db.user.create({ data: { email: `${uniqueSlug(marker)}@example.test`, createdAt } });
  userIds.push(row.id);
  return row;
}

afterAll(async () => {
  await db.tenant.deleteMany({ where: { id: { in: tenantIds } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
});

describe('the range', () => {
  const now = new Date('2026-12-06T15:00:00Z');
  it('is a preset of the last 7, 30 or 90 days ending today, 30 by default', () => {
    expect(parseAnalyticsRange({}, now)).toMatchObject({ from: '2026-11-07', to: '2026-12-06', preset: 30 });
    const week = parseAnalyticsRange({ days: '7' }, now);
    expect([week.from, week.to, week.preset, week.days]).toEqual(['2026-11-30', '2026-12-06', 7, ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']]);
    expect(week.since.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(week.until.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(parseAnalyticsRange({ days: '90' }, now).days).toHaveLength(90);
  });

  it('is a custom from–to of up to 366 days ending today at the latest; anything else falls back to 30 days', () => {
    expect(parseAnalyticsRange({ from: '2026-02-01', to: '2026-02-28' }, now)).toMatchObject({ from: '2026-02-01', to: '2026-02-28', preset: null });
    expect(parseAnalyticsRange({ from: '2025-12-06', to: '2026-12-06' }, now).days).toHaveLength(366);
    expect(parseAnalyticsRange({ from: '2026-12-06', to: '2026-12-06' }, now).days).toEqual(['2026-12-06']);
    // The days of a preset are that preset.
    expect(parseAnalyticsRange({ from: '2026-11-30', to: '2026-12-06' }, now).preset).toBe(7);
    for (const params of [
      { from: '2025-12-05', to: '2026-12-06' },
      { from: '2026-03-01', to: '2026-02-01' },
      { from: '2026-12-01', to: '2026-12-07' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: 'yesterday', to: '2026-12-01' },
      { from: '2026-12-01' },
      { days: '14' },
      { days: ['7', '90'], from: ['x'] },
    ]) {
      expect(parseAnalyticsRange(params, now), JSON.stringify(params)).toMatchObject({ preset: params.days?.[0] === '7' ? 7 : 30, to: '2026-12-06' });
    }
  });
});

describe('activity, sign-ups, API calls and webhooks (days far ahead)', () => {
  const range = rangeOf(day(future, 0), day(future, 8));
  const zeros = (n: number) => Array.from({ length: n }, () => 0);

  beforeAll(async () => {
    const [w1, w2, w3] = [await tenant({ createdAt: at(future, 0, 10) }), await tenant({ createdAt: at(future, 0, 15) }), await tenant({ createdAt: at(future, 2) })];
    const [u1, u2, u3] = [await user(at(future, 1)), await user(at(future, 1)), await user(at(future, 3))];
    const event = (tenantId: string, actorId: string | null, when: Date) =>
      db.domainEvent.create({ data: { id: newEventId(), tenantId, type: 'goal.updated', actorId, payload: {}, occurredAt: when, publishedAt: when } });
    // u3 acted 29 days before the range (its first day's 30), u1 twice on day 0 and again on
    // day 1, u2 on day 1 (in the same workspace), u3 in another workspace on day 6; a job's
    // event (no actor) on day 2 is no one.
    await event(w1.id, u3.id, at(future, -29));
    await event(w1.id, u1.id, at(future, 0, 9));
    await event(w1.id, u1.id, at(future, 0, 18));
    await event(w1.id, u1.id, at(future, 1));
    await event(w1.id, u2.id, at(future, 1));
    await event(w2.id, u3.id, at(future, 6));
    await event(w3.id, null, at(future, 2));

    const call = (status: number, when: Date) => ({ tenantId: w1.id, method: 'GET', route: '/api/v1/goals', status, durationMs: 12, bytes: 100, createdAt: when });
    await db.apiRequestLog.createMany({ data: [call(200, at(future, 0)), call(201, at(future, 0)), call(304, at(future, 0)), call(404, at(future, 0)), call(500, at(future, 0, 23)), call(200, at(future, 3)), call(200, at(future, 3))] });

    const endpoint = await db.webhookEndpoint.create({ data: { id: `whk_${uniqueSlug()}`, tenantId: w1.id, url: 'https://example.test/hook', secretEncrypted: 'x' } });
    const delivery = (status: 'succeeded' | 'failed' | 'pending', attempts: number, when: Date) => ({
      id: `whd_${uniqueSlug()}`,
      tenantId: w1.id,
      endpointId: endpoint.id,
      eventId: newEventId(),
      eventType: 'goal.updated',
      payload: {},
      status,
      attempts,
      // Far ahead too, so no sweep picks the pending ones up.
      nextAttemptAt: status === 'pending' ? at(future, 30) : null,
      createdAt: when,
    });
    await db.webhookDelivery.createMany({
      data: [delivery('succeeded', 1, at(future, 1)), delivery('succeeded', 3, at(future, 1)), delivery('failed', 8, at(future, 1)), delivery('pending', 2, at(future, 1)), delivery('pending', 0, at(future, 1)), delivery('succeeded', 1, at(future, 5))],
    });
  });

  it('counts new workspaces and new accounts per day', async () => {
    const rows = await signupsPerDay(range);
    expect(rows.map((row) => row.day)).toEqual(range.days);
    expect(rows.map((row) => row.workspaces)).toEqual([2, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(rows.map((row) => row.users)).toEqual([0, 2, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('counts people acting per day, 7 and 30 days, and the workspaces they acted in', async () => {
    const rows = await activeUsersPerDay(range);
    expect(rows.map((row) => row.day)).toEqual(range.days);
    expect(rows.map((row) => row.dau)).toEqual([1, 2, 0, 0, 0, 0, 1, 0, 0]);
    // Day 8's 7 days start on day 2: u1 and u2 (last seen on day 1) are out.
    expect(rows.map((row) => row.wau)).toEqual([1, 2, 2, 2, 2, 2, 3, 3, 1]);
    // u3's early event counts in day 0's 30 days only.
    expect(rows.map((row) => row.mau)).toEqual([2, 2, 2, 2, 2, 2, 3, 3, 3]);
    expect(rows.map((row) => row.activeWorkspaces)).toEqual([1, 1, 0, 0, 0, 0, 1, 0, 0]);
    expect(rows.map((row) => row.activeWorkspaces30)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2]);
  });

  it('counts API calls per day by status class and webhook deliveries by outcome', async () => {
    const calls = await apiCallsPerDay(range);
    expect(calls.map((row) => [row.ok, row.clientErrors, row.serverErrors])).toEqual([[3, 1, 1], [0, 0, 0], [0, 0, 0], [2, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]);
    const hooks = await webhookDeliveriesPerDay(range);
    expect(hooks.map((row) => row.day)).toEqual(range.days);
    expect(hooks.map((row) => [row.succeeded, row.failed, row.retrying])).toEqual([[0, 0, 0], [2, 1, 1], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it('sums it all up for the page and the JSON route', async () => {
    const analytics = await platformAnalytics(range);
    expect(analytics.range).toEqual({ from: range.from, to: range.to, preset: null, days: 9 });
    expect(analytics.totals).toMatchObject({ newWorkspaces: 3, newUsers: 3, dau: 0, wau: 1, mau: 3, apiCalls: 7, apiErrorRate: 2 / 7, webhookDeliveries: 5, webhookSuccessRate: 3 / 5 });
    expect(analytics.signups.map((row) => row.workspaces)).toEqual([2, ...zeros(1), 1, ...zeros(6)]);
  });
});

describe('MRR and churn (a week decades back)', () => {
  const range = rangeOf(day(past, 0), day(past, 6));
  let basic = 0;
  let pro = 0;

  beforeAll(async () => {
    [basic, pro] = await Promise.all(['basic', 'pro'].map(async (id) => (await db.plan.findUniqueOrThrow({ where: { id } })).priceCents));
    const reseller = await createReseller();
    await db.resellerPrice.create({ data: { resellerId: reseller.id, planId: 'pro', priceCents: 12_000 } });
    const audit = (tenantId: string, action: string, when: Date, metadata: Record<string, string> = {}) => db.auditLog.create({ data: { tenantId, action, metadata, createdAt: when } });
    // Each workspace as it is now, and its audit log of how it got there.
    const trial = await tenant({ createdAt: at(past, -10), status: 'active', plan: 'pro' });
    await audit(trial.id, 'billing.trial_ended', at(past, 2, 10), { reason: 'subscribed' });
    const upgraded = await tenant({ createdAt: at(past, -5), status: 'active', plan: 'pro' });
    await audit(upgraded.id, 'billing.plan_changed', at(past, 3, 9), { from: 'basic', to: 'pro', source: 'stripe' });
    const resold = await tenant({ createdAt: at(past, -20), status: 'canceled', plan: 'pro', resellerId: reseller.id });
    await audit(resold.id, 'tenant.canceled', at(past, 4), { from: 'active', to: 'canceled' });
    const unpaid = await tenant({ createdAt: at(past, 1, 8), status: 'suspended', plan: 'basic' });
    await audit(unpaid.id, 'tenant.suspended', at(past, 5), { reason: 'non_payment' });
    const back = await tenant({ createdAt: at(past, -2), status: 'active', plan: 'basic' });
    await audit(back.id, 'tenant.reactivated', at(past, 3, 16), { reason: 'payment_received' });
    // Active but free: never paying.
    await tenant({ createdAt: at(past, -3), status: 'active', plan: 'free' });
  });

  it('rebuilds each day’s paying workspaces and MRR from plans and statuses through time, and the churn', async () => {
    const series = await mrrPerDay(range);
    // The day before: the upgraded one on basic, the resold one at its reseller's price.
    expect([series.startMrrCents, series.startPayingWorkspaces]).toEqual([basic + 12_000, 2]);
    expect(series.days.map((d) => d.day)).toEqual(range.days);
    expect(series.days.map((d) => [d.mrrCents, d.payingWorkspaces])).toEqual([
      [basic + 12_000, 2],
      [2 * basic + 12_000, 3], // + the unpaid one, created that morning
      [2 * basic + 12_000 + pro, 4], // + the trial, ended by a subscription
      [2 * basic + 12_000 + 2 * pro, 5], // the upgrade to pro; + the reactivated one
      [2 * basic + 2 * pro, 4], // the resold one canceled
      [basic + 2 * pro, 3], // the unpaid one suspended
      [basic + 2 * pro, 3],
    ]);
    expect(series.days.map((d) => [d.churnedWorkspaces, d.churnedMrrCents])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 12_000],
      [1, basic],
      [0, 0],
    ]);
    const { totals } = await platformAnalytics(range);
    expect(totals).toMatchObject({ mrrCents: basic + 2 * pro, payingWorkspaces: 3, churnedWorkspaces: 2, churnedMrrCents: 12_000 + basic, mrrChurnRate: (12_000 + basic) / (basic + 12_000) });
  });
});

describe('GET /api/platform/analytics', () => {
  it('answers any staff role with the figures of the range asked, or of the last 30 days', async () => {
    const staff = await createStaff('read_only');
    userIds.push(staff.id);
    const get = async (search: string) => callRoute(analyticsRoute.GET, { host: 'localhost:3100', path: `/api/platform/analytics${search}`, cookie: await sessionCookie(staff.id, null) });
    const custom = await get(`?from=${day(past, 0)}&to=${day(past, 6)}`);
    expect(custom.status).toBe(200);
    expect(custom.body.range).toEqual({ from: day(past, 0), to: day(past, 6), preset: null, days: 7 });
    expect((custom.body.revenue as { days: unknown[] }).days).toHaveLength(7);
    const fallback = await get('?from=2026-02-30&to=nonsense');
    expect(fallback.status).toBe(200);
    expect(fallback.body.range).toMatchObject({ preset: 30, days: 30, to: formatDateOnly(new Date()) });
  });
});
