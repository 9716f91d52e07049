import { InngestTestEngine } from '@inngest/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../inngest/functions.ts';
import { inngestFunctionId } from '../../inngest/functions.ts';
import { JOBS } from '../../lib/jobs/jobs.ts';
import { listAppsForOperator } from '../../lib/marketplace/app-review.ts';
import { db } from '../../lib/db/client.ts';
import { API_ERROR_RATE_THRESHOLD_BPS, API_MIN_CALLS, runAppHealth, WEBHOOK_FAILURE_RATE_THRESHOLD_BPS, WEBHOOK_MIN_DELIVERIES } from '../../lib/partners/app-health.ts';
import { flagsOfApp, openFlagsForPartner } from '../../lib/partners/app-health-views.ts';
import type { PartnerActor } from '../../lib/partners/partner-actor.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { appCalls, appEndpoint, deliveries } from '../support/app-traffic.ts';
import { uniqueSlug } from '../support/factories.ts';
import { addPartnerUser, createApp, createPartner, install, type TestApp, type TestPartner } from '../support/marketplace-fixtures.ts';
import { operator } from '../support/resellers.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// The health job over real ApiRequestLog and WebhookDelivery rows. Its window is the 24 hours
// before `now`; each test uses its own day (other files' traffic is on other days) and its own
// apps, and asserts on those apps only (the job measures every live app in the database).

const hour = 3_600_000;
let n: TestPartner;
let o: TestPartner;
let developer: PartnerActor;
let billing: PartnerActor;
let operatorEmail: string;
let w: TenantContext;
let adminId: string;

beforeAll(async () => {
  n = await createPartner();
  o = await createPartner();
  developer = await addPartnerUser(n.id, 'developer');
  billing = await addPartnerUser(n.id, 'billing');
  operatorEmail = `${uniqueSlug('op')}@example.test`;
  await db.user.create({ data: { email: operatorEmail, platformRole: 'owner', emailVerifiedAt: new Date() } });
  w = await workspace();
  adminId = (await memberIn(w, 'admin')).userId;
});

/** An app of the partner installed in the shared workspace, with its webhook endpoint. */
async function installedApp(partner: TestPartner = n): Promise<TestApp & { endpointId: string; tenantId: string }> {
  const app = await createApp(partner);
  const installationId = await install(app, w.id, adminId, new Date('2026-01-01T00:00:00Z'));
  return { ...app, tenantId: w.id, endpointId: await appEndpoint(w.id, installationId) };
}

const mails = (to: string) => db.emailMessage.count({ where: { to, kind: 'app_health_flag' } });
const openKinds = async (appId: string) => (await db.appHealthFlag.findMany({ where: { appId, clearedAt: null }, select: { kind: true } })).map((f) => f.kind).sort();

describe('the thresholds', () => {
  it('are named and sane: a rate in basis points and a minimum volume each', () => {
    expect(API_ERROR_RATE_THRESHOLD_BPS).toBe(500);
    expect(API_MIN_CALLS).toBe(100);
    expect(WEBHOOK_FAILURE_RATE_THRESHOLD_BPS).toBe(1000);
    expect(WEBHOOK_MIN_DELIVERIES).toBe(20);
  });
});

describe('API error rate', () => {
  const now = new Date('2026-05-10T12:00:00Z');
  const inWindow = new Date(now.getTime() - 2 * hour);

  it('flags an app at or above 5% 5xx over enough calls, once, emailing owners, developers and operators once', async () => {
    const app = await installedApp();
    await appCalls(app.id, w.id, inWindow, 188, 200);
    await appCalls(app.id, w.id, inWindow, 12, 503); // 12 / 200 = 6%
    await appCalls(app.id, w.id, new Date(now.getTime() - 25 * hour), 500, 500); // before the window
    const before = { owner: await mails(n.actor.email), developer: await mails(developer.email), operator: await mails(operatorEmail) };

    const run = await runAppHealth(now);
    expect(run.raised.filter((r) => r.appId === app.id)).toEqual([{ appId: app.id, kind: 'error_rate', valueBps: 600 }]);
    const [flag] = await flagsOfApp(app.id);
    expect(flag).toMatchObject({ kind: 'error_rate', valueBps: 600, thresholdBps: 500, clearedAt: null, windowStart: new Date(now.getTime() - 24 * hour), windowEnd: now });
    expect(flag.notifiedAt).not.toBeNull();
    expect((await db.marketplaceApp.findUniqueOrThrow({ where: { id: app.id } })).healthFlaggedAt).toEqual(now);
    expect(await mails(n.actor.email)).toBe(before.owner + 1);
    expect(await mails(developer.email)).toBe(before.developer + 1);
    expect(await mails(billing.email)).toBe(0);
    expect(await mails(operatorEmail)).toBe(before.operator + 1);

    // Still failing an hour later: the open flag stays the only one, and nobody is emailed again.
    await appCalls(app.id, w.id, new Date(now.getTime() + 30 * 60_000), 20, 500);
    const again = await runAppHealth(new Date(now.getTime() + hour));
    expect(again.raised.filter((r) => r.appId === app.id)).toEqual([]);
    expect(await flagsOfApp(app.id)).toHaveLength(1);
    expect(await mails(n.actor.email)).toBe(before.owner + 1);
    expect(await mails(operatorEmail)).toBe(before.operator + 1);
  });

  it('does not flag under the minimum volume, under the threshold, or for 4xx (the callers’ errors)', async () => {
    const tiny = await installedApp();
    await appCalls(tiny.id, w.id, inWindow, API_MIN_CALLS - 1, 500); // every call failed, but too few
    const under = await installedApp();
    await appCalls(under.id, w.id, inWindow, 191, 200);
    await appCalls(under.id, w.id, inWindow, 9, 500); // 4.5%
    const clientErrors = await installedApp();
    await appCalls(clientErrors.id, w.id, inWindow, 200, 404);
    const sandboxOnly = await createApp(n);
    await install(sandboxOnly, n.sandbox.id, (await memberIn(n.sandbox, 'admin')).userId, new Date('2026-01-01T00:00:00Z'));
    await appCalls(sandboxOnly.id, n.sandbox.id, inWindow, 300, 500); // the partner testing
    await runAppHealth(now);
    for (const app of [tiny, under, clientErrors, sandboxOnly]) expect(await flagsOfApp(app.id)).toEqual([]);
  });

  it('exactly at the threshold flags', async () => {
    const app = await installedApp();
    await appCalls(app.id, w.id, inWindow, 95, 200);
    await appCalls(app.id, w.id, inWindow, 5, 500); // 5 / 100
    await runAppHealth(now);
    expect(await openKinds(app.id)).toEqual(['error_rate']);
  });
});

describe('webhook failure rate', () => {
  const now = new Date('2026-05-12T12:00:00Z');
  const inWindow = new Date(now.getTime() - 3 * hour);

  it('flags failed and retrying deliveries at or above 10% over enough deliveries; not-yet-attempted ones do not count', async () => {
    const app = await installedApp();
    await deliveries(app.tenantId, app.endpointId, inWindow, 25, 'succeeded');
    await deliveries(app.tenantId, app.endpointId, inWindow, 3, 'failed');
    await deliveries(app.tenantId, app.endpointId, inWindow, 2, 'retrying'); // 5 / 30 = 16.66%
    await deliveries(app.tenantId, app.endpointId, inWindow, 40, 'waiting');
    const few = await installedApp();
    await deliveries(few.tenantId, few.endpointId, inWindow, WEBHOOK_MIN_DELIVERIES - 1, 'failed');
    const run = await runAppHealth(now);
    expect(run.raised.filter((r) => r.appId === app.id || r.appId === few.id)).toEqual([{ appId: app.id, kind: 'webhook_failure_rate', valueBps: 1666 }]);
    expect(await openKinds(few.id)).toEqual([]);
  });

  it('an app can carry both flags at once, each raised and emailed once', async () => {
    const app = await installedApp();
    await appCalls(app.id, w.id, inWindow, 100, 500);
    await deliveries(app.tenantId, app.endpointId, inWindow, 20, 'failed');
    const before = await mails(developer.email);
    await runAppHealth(now);
    await runAppHealth(new Date(now.getTime() + 60_000));
    expect(await openKinds(app.id)).toEqual(['error_rate', 'webhook_failure_rate']);
    expect(await mails(developer.email)).toBe(before + 2);
  });
});

describe('recovery, isolation and concurrent runs', () => {
  const now = new Date('2026-05-14T12:00:00Z');

  it('clears the flag once the rate is back under the threshold, and raises a new one (emailed) if it fails again', async () => {
    const app = await installedApp();
    await appCalls(app.id, w.id, new Date(now.getTime() - hour), 100, 500);
    await runAppHealth(now);
    expect(await openKinds(app.id)).toEqual(['error_rate']);

    // The next day: healthy traffic only.
    const later = new Date(now.getTime() + 26 * hour);
    await appCalls(app.id, w.id, new Date(later.getTime() - hour), 300, 200);
    const run = await runAppHealth(later);
    expect(run.cleared.filter((c) => c.appId === app.id)).toEqual([{ appId: app.id, kind: 'error_rate' }]);
    expect(await openKinds(app.id)).toEqual([]);
    expect((await flagsOfApp(app.id))[0].clearedAt).toEqual(later);
    expect((await db.marketplaceApp.findUniqueOrThrow({ where: { id: app.id } })).healthFlaggedAt).toBeNull();

    const before = await mails(n.actor.email);
    const worse = new Date(later.getTime() + 2 * hour);
    await appCalls(app.id, w.id, new Date(worse.getTime() - 30 * 60_000), 300, 500);
    await runAppHealth(worse);
    const flags = await flagsOfApp(app.id);
    expect(flags.map((f) => f.clearedAt === null)).toEqual([true, false]);
    expect(await mails(n.actor.email)).toBe(before + 1);
  });

  it('a flag is the app’s own: other apps of the partner and other partners are untouched, and each partner sees only its own', async () => {
    const sick = await installedApp(n);
    const healthy = await installedApp(n);
    const theirs = await installedApp(o);
    const at = new Date(now.getTime() - 2 * hour);
    await appCalls(sick.id, w.id, at, 150, 500);
    await appCalls(healthy.id, w.id, at, 150, 200);
    await appCalls(theirs.id, w.id, at, 150, 200);
    await runAppHealth(now);
    expect(await openKinds(sick.id)).toEqual(['error_rate']);
    expect(await openKinds(healthy.id)).toEqual([]);
    expect(await openKinds(theirs.id)).toEqual([]);
    expect((await openFlagsForPartner(n.actor)).map((f) => f.appId)).toContain(sick.id);
    expect((await openFlagsForPartner(n.actor, healthy.id))).toEqual([]);
    expect((await openFlagsForPartner(o.actor)).map((f) => f.appId)).not.toContain(sick.id);
    expect(await openFlagsForPartner(o.actor, sick.id)).toEqual([]);
  });

  it('the operator lists flagged apps (badge and filter) and sees each app’s flags', async () => {
    const sick = await installedApp(o);
    const healthy = await installedApp(o);
    await appCalls(sick.id, w.id, new Date(now.getTime() - hour), 100, 500);
    await runAppHealth(now);
    const op = await operator();
    const flaggedOnly = await listAppsForOperator(op, { flagged: 'true' });
    expect(flaggedOnly.find((a) => a.id === sick.id)?.healthFlaggedAt).toBe(now.toISOString());
    expect(flaggedOnly.find((a) => a.id === healthy.id)).toBeUndefined();
    expect((await listAppsForOperator(op, {})).find((a) => a.id === healthy.id)?.healthFlaggedAt).toBeNull();
    expect((await failure(listAppsForOperator(op, { flagged: 'yes' }))).status).toBe(422);
    expect((await flagsOfApp(sick.id)).map((f) => [f.kind, f.appName, f.clearedAt])).toEqual([['error_rate', sick.name, null]]);
  });

  it('two runs at once raise one flag and send one set of emails', async () => {
    const app = await installedApp();
    await appCalls(app.id, w.id, new Date(now.getTime() - hour), 120, 502);
    const before = await mails(operatorEmail);
    await Promise.all([runAppHealth(now), runAppHealth(now), runAppHealth(now)]);
    expect(await flagsOfApp(app.id)).toHaveLength(1);
    // The operator gets one email per flag raised in these runs; this app's is one of them.
    const operatorMails = await db.emailMessage.findMany({ where: { to: operatorEmail, kind: 'app_health_flag', createdAt: { gte: new Date(Date.now() - 60_000) } }, select: { subject: true } });
    expect(operatorMails.filter((m) => m.subject.includes(app.name))).toHaveLength(1);
    expect(await mails(operatorEmail)).toBeGreaterThan(before);
  });
});

describe('the job', () => {
  it('runs hourly on both backends from its one definition, and its Inngest step runs the health check', async () => {
    expect(JOBS['partners.app_health'].cron).toBe('40 * * * *');
    const partnersAppHealthFunction = functions.find((fn) => fn.id() === inngestFunctionId('partners.app_health'))!;
    const app = await installedApp();
    // Real time: the function measures the 24 hours before now.
    await appCalls(app.id, w.id, new Date(Date.now() - hour), 100, 500);
    const { result, ctx } = await new InngestTestEngine({ function: partnersAppHealthFunction }).execute({ events: [{ name: 'partners.app_health', data: {} }] });
    expect(ctx.step.run).toHaveBeenCalledWith('partners.app_health', expect.any(Function));
    expect(result).toMatchObject({ raised: expect.any(Number), notified: expect.any(Number) });
    expect(await openKinds(app.id)).toEqual(['error_rate']);
  });
});
