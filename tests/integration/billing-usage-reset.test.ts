import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { API_REQUESTS, currentPeriod, incrementUsage } from '../../lib/billing/usage.ts';
import { resetUsagePeriods } from '../../lib/billing/usage-reset.ts';
import { createTenant, uniqueSlug } from '../support/factories.ts';

// The monthly usage reset on a fake clock: each run passes its own `now` and is scoped to the
// test's workspaces (other test files count usage on this database at the same time).

const d = (iso: string) => new Date(iso);

async function freeWorkspace(): Promise<string> {
  return (await createTenant({ plan: 'free' })).id;
}

/** A workspace whose Stripe subscription's current period is [start, end). */
async function subscribedWorkspace(start: string, end: string): Promise<string> {
  const tenant = await createTenant({ plan: 'pro' });
  await db.billingAccount.create({
    data: { tenantId: tenant.id, stripeCustomerId: `cus_${uniqueSlug()}`, stripeSubscriptionId: `sub_${uniqueSlug()}`, subscriptionStatus: 'active', currentPeriodStart: d(start), currentPeriodEnd: d(end) },
  });
  return tenant.id;
}

async function period(tenantId: string, start: string, end: string, value: number, reportedValue = 0) {
  return db.usagePeriod.create({ data: { tenantId, metric: API_REQUESTS, periodStart: d(start), periodEnd: d(end), value, reportedValue } });
}

const periodsOf = (tenantId: string) =>
  db.usagePeriod.findMany({ where: { tenantId }, orderBy: { periodStart: 'asc' }, select: { metric: true, periodStart: true, periodEnd: true, value: true, reportedValue: true, closedAt: true } });

describe('the monthly usage reset', () => {
  it('closes the ended calendar month of a free workspace and opens the next; a second run changes nothing', async () => {
    const tenantId = await freeWorkspace();
    await period(tenantId, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 742, 700);
    const now = d('2026-02-01T00:05:00Z');

    expect(await resetUsagePeriods(now, { tenantIds: [tenantId] })).toEqual({ closed: 1, opened: 1, extended: 0 });
    const expected = [
      { metric: API_REQUESTS, periodStart: d('2026-01-01T00:00:00Z'), periodEnd: d('2026-02-01T00:00:00Z'), value: 742, reportedValue: 700, closedAt: now },
      { metric: API_REQUESTS, periodStart: d('2026-02-01T00:00:00Z'), periodEnd: d('2026-03-01T00:00:00Z'), value: 0, reportedValue: 0, closedAt: null },
    ];
    expect(await periodsOf(tenantId)).toEqual(expected);

    // Safe to run twice: the same hour again, and the next hour.
    expect(await resetUsagePeriods(now, { tenantIds: [tenantId] })).toEqual({ closed: 0, opened: 0, extended: 0 });
    expect(await resetUsagePeriods(d('2026-02-01T01:05:00Z'), { tenantIds: [tenantId] })).toEqual({ closed: 0, opened: 0, extended: 0 });
    expect(await periodsOf(tenantId)).toEqual(expected);
  });

  it('leaves a period that has not ended alone', async () => {
    const tenantId = await freeWorkspace();
    await period(tenantId, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 5);
    expect(await resetUsagePeriods(d('2026-01-31T23:59:59Z'), { tenantIds: [tenantId] })).toEqual({ closed: 0, opened: 0, extended: 0 });
    expect((await periodsOf(tenantId))[0].closedAt).toBeNull();
  });

  it('follows the subscription period of a paying workspace, at the hour it starts, where the counter counts next', async () => {
    const tenantId = await subscribedWorkspace('2026-02-15T10:30:00Z', '2026-03-15T10:30:00Z');
    await period(tenantId, '2026-01-15T10:30:00Z', '2026-02-15T10:30:00Z', 9000, 9000);
    // Stripe's renewal has reached us (the account says Feb 15 – Mar 15).
    const now = d('2026-02-15T11:05:00Z');
    expect(await resetUsagePeriods(now, { tenantIds: [tenantId] })).toEqual({ closed: 1, opened: 1, extended: 0 });
    const [closed, open] = await periodsOf(tenantId);
    expect(closed).toMatchObject({ periodEnd: d('2026-02-15T10:30:00Z'), value: 9000, closedAt: now });
    // periodStart = the previous periodEnd, and exactly the period the usage counter uses.
    expect(open).toMatchObject({ periodStart: d('2026-02-15T10:30:00Z'), periodEnd: d('2026-03-15T10:30:00Z'), value: 0, closedAt: null });
    expect(await currentPeriod(tenantId, now)).toEqual({ start: open.periodStart, end: open.periodEnd });
    await incrementUsage(tenantId, API_REQUESTS, 3, now);
    expect((await periodsOf(tenantId)).map((row) => row.value)).toEqual([9000, 3]);
  });

  it('opens the next subscription period even before Stripe’s renewal arrives, starting where Stripe’s will', async () => {
    const tenantId = await subscribedWorkspace('2026-01-15T10:30:00Z', '2026-02-15T10:30:00Z');
    await period(tenantId, '2026-01-15T10:30:00Z', '2026-02-15T10:30:00Z', 12);
    const now = d('2026-02-15T11:05:00Z');
    expect(await resetUsagePeriods(now, { tenantIds: [tenantId] })).toMatchObject({ closed: 1, opened: 1 });
    expect((await periodsOf(tenantId))[1]).toMatchObject({ periodStart: d('2026-02-15T10:30:00Z'), closedAt: null });
  });

  it('keeps a period open whose end Stripe moved later', async () => {
    const tenantId = await subscribedWorkspace('2026-01-15T10:30:00Z', '2026-02-16T10:30:00Z');
    await period(tenantId, '2026-01-15T10:30:00Z', '2026-02-15T10:30:00Z', 12);
    expect(await resetUsagePeriods(d('2026-02-15T11:05:00Z'), { tenantIds: [tenantId] })).toEqual({ closed: 0, opened: 0, extended: 1 });
    expect(await periodsOf(tenantId)).toEqual([expect.objectContaining({ periodEnd: d('2026-02-16T10:30:00Z'), value: 12, closedAt: null })]);
  });

  it('keeps what the counter already counted in a new period it opened first', async () => {
    const tenantId = await freeWorkspace();
    await period(tenantId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 100);
    // Requests in the first minutes of April, before the hourly reset.
    await incrementUsage(tenantId, API_REQUESTS, 4, d('2026-04-01T00:01:00Z'));
    expect(await resetUsagePeriods(d('2026-04-01T00:05:00Z'), { tenantIds: [tenantId] })).toEqual({ closed: 1, opened: 0, extended: 0 });
    expect((await periodsOf(tenantId)).map((row) => [row.periodStart.toISOString(), row.value, row.closedAt !== null])).toEqual([
      ['2026-03-01T00:00:00.000Z', 100, true],
      ['2026-04-01T00:00:00.000Z', 4, false],
    ]);
  });

  it('after months without a run, opens the current month (no empty months in between)', async () => {
    const tenantId = await freeWorkspace();
    await period(tenantId, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 1);
    expect(await resetUsagePeriods(d('2026-05-10T12:00:00Z'), { tenantIds: [tenantId] })).toEqual({ closed: 1, opened: 1, extended: 0 });
    expect((await periodsOf(tenantId)).map((row) => row.periodStart.toISOString())).toEqual(['2026-01-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
  });

  it('concurrent runs over many workspaces, in small batches, close each period once and open one period each', async () => {
    const tenants = await Promise.all(Array.from({ length: 12 }, () => freeWorkspace()));
    await Promise.all(tenants.map((tenantId, i) => period(tenantId, '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', 10 + i)));
    const now = d('2026-07-01T00:05:00Z');

    const runs = await Promise.all(Array.from({ length: 5 }, () => resetUsagePeriods(now, { tenantIds: tenants, batchSize: 2 })));
    expect(runs.reduce((sum, run) => sum + run.closed, 0)).toBe(12);
    expect(runs.reduce((sum, run) => sum + run.opened, 0)).toBe(12);
    for (const [i, tenantId] of tenants.entries()) {
      expect(await periodsOf(tenantId)).toEqual([
        expect.objectContaining({ periodStart: d('2026-06-01T00:00:00Z'), value: 10 + i, closedAt: now }),
        expect.objectContaining({ periodStart: d('2026-07-01T00:00:00Z'), periodEnd: d('2026-08-01T00:00:00Z'), value: 0, closedAt: null }),
      ]);
    }
    // And once more, all at once: nothing left to do.
    const again = await Promise.all(Array.from({ length: 3 }, () => resetUsagePeriods(now, { tenantIds: tenants })));
    expect(again).toEqual(Array.from({ length: 3 }, () => ({ closed: 0, opened: 0, extended: 0 })));
  });
});
