import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { activeInstallCounts, installStatsOf, partnerInstallStats, recentInstallCounts } from '../../lib/marketplace/install-stats.ts';
import { createApp, createPartner, install, uninstall, type TestApp, type TestPartner } from '../support/marketplace-fixtures.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// One app's history over a fixed week (days are UTC): installs before and inside the window,
// an uninstall inside it, a sandbox install (never counted), API requests by its
// installations, and another app's traffic on the same days.

const NOW = new Date('2026-03-10T15:00:00Z');
const at = (day: string, time = '12:00:00') => new Date(`${day}T${time}Z`);

let n: TestPartner;
let o: TestPartner;
let app: TestApp;
let other: TestApp;

async function requestsOn(appId: string | null, tenantId: string, day: string, count: number, status = 200) {
  await db.apiRequestLog.createMany({
    data: Array.from({ length: count }, () => ({ tenantId, marketplaceAppId: appId, method: 'GET', route: '/api/v1/goals', status, durationMs: 5, bytes: 10, createdAt: at(day) })),
  });
}

beforeAll(async () => {
  n = await createPartner();
  o = await createPartner();
  app = await createApp(n);
  other = await createApp(o);
  const tenants = await Promise.all([workspace(), workspace(), workspace(), workspace()]);
  const admins = await Promise.all(tenants.map((t) => memberIn(t, 'admin')));
  // Before the window: one still active, one uninstalled before it.
  await install(app, tenants[0].id, admins[0].userId, at('2026-02-01'));
  await uninstall(await install(app, tenants[1].id, admins[1].userId, at('2026-02-02')), at('2026-02-20'));
  // Inside the window (2026-03-04 .. 2026-03-10): two installs on the 5th, one of them ends on the 8th.
  await install(app, tenants[2].id, admins[2].userId, at('2026-03-05', '08:00:00'));
  await uninstall(await install(app, tenants[3].id, admins[3].userId, at('2026-03-05', '23:59:00')), at('2026-03-08', '00:00:00'));
  // The sandbox's install and requests count nowhere.
  const sandboxAdmin = await memberIn(n.sandbox, 'admin');
  await install(app, n.sandbox.id, sandboxAdmin.userId, at('2026-03-06'));
  await requestsOn(app.id, n.sandbox.id, '2026-03-06', 7);
  await requestsOn(app.id, tenants[2].id, '2026-03-06', 3);
  await requestsOn(app.id, tenants[2].id, '2026-03-09', 2, 403);
  await requestsOn(app.id, tenants[0].id, '2026-02-10', 4);
  // Another app's installation and requests, and the workspace's own (no app).
  await install(other, tenants[2].id, admins[2].userId, at('2026-03-06'));
  await requestsOn(other.id, tenants[2].id, '2026-03-06', 5);
  await requestsOn(null, tenants[2].id, '2026-03-06', 9);
});

describe('installation tracking', () => {
  it('per UTC day: installs, uninstalls, active at the end of the day, API requests (with errors)', async () => {
    const stats = await partnerInstallStats(n.actor, app.id, { days: 7, now: NOW });
    expect(stats.days.map((d) => [d.day, d.installs, d.uninstalls, d.active, d.requests, d.errors])).toEqual([
      ['2026-03-04', 0, 0, 1, 0, 0],
      ['2026-03-05', 2, 0, 3, 0, 0],
      ['2026-03-06', 0, 0, 3, 3, 0],
      ['2026-03-07', 0, 0, 3, 0, 0],
      ['2026-03-08', 0, 1, 2, 0, 0],
      ['2026-03-09', 0, 0, 2, 2, 2],
      ['2026-03-10', 0, 0, 2, 0, 0],
    ]);
    expect(stats.totals).toEqual({ active: 2, installs: 2, uninstalls: 1, requests: 5, errors: 2, installsAllTime: 4 });
  });

  it('a longer window reaches back to the earlier installs, uninstall and requests', async () => {
    const stats = await installStatsOf(app.id, { days: 60, now: NOW });
    expect(stats.days).toHaveLength(60);
    expect(stats.days[0].active).toBe(0);
    expect(stats.days.find((d) => d.day === '2026-02-02')?.active).toBe(2);
    expect(stats.days.find((d) => d.day === '2026-02-20')).toMatchObject({ uninstalls: 1, active: 1 });
    expect(stats.totals).toMatchObject({ installs: 4, uninstalls: 2, requests: 9 });
    expect(stats.days[stats.days.length - 1].active).toBe(stats.totals.active);
  });

  it("another partner's app is 404; an app without history is all zeros", async () => {
    expect((await failure(partnerInstallStats(o.actor, app.id))).status).toBe(404);
    expect((await failure(partnerInstallStats(n.actor, 'app_nosuch'))).status).toBe(404);
    const quiet = await createApp(n);
    const stats = await partnerInstallStats(n.actor, quiet.id, { days: 3, now: NOW });
    expect(stats.days.every((d) => d.installs + d.uninstalls + d.active + d.requests === 0)).toBe(true);
    expect(stats.totals).toEqual({ active: 0, installs: 0, uninstalls: 0, requests: 0, errors: 0, installsAllTime: 0 });
  });

  it('active install counts and recent installs per app leave out sandbox installs', async () => {
    const counts = await activeInstallCounts([app.id, other.id, 'app_nosuch']);
    expect(Object.fromEntries(counts)).toEqual({ [app.id]: 2, [other.id]: 1, app_nosuch: 0 });
    const recent = await recentInstallCounts({ days: 30, now: NOW, limit: 100 });
    expect(recent.find((r) => r.appId === app.id)?.installs).toBe(2);
  });

  it('the window is clamped to 1..366 days', async () => {
    expect((await installStatsOf(app.id, { days: 0, now: NOW })).days).toHaveLength(1);
    expect((await installStatsOf(app.id, { days: 5000, now: NOW })).days).toHaveLength(366);
  });
});
