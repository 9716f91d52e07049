import { InngestTestEngine, mockCtx } from '@inngest/test';
import type { Context } from 'inngest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { functions, inngestFunctionId } from '../../inngest/functions.ts';
import { changePlan } from '../../lib/billing/checkout.ts';
import { can, planOf, requireFeature } from '../../lib/billing/entitlements.ts';
import { billingOverview } from '../../lib/billing/overview.ts';
import { PLAN_CATALOG, TRIAL } from '../../lib/billing/plan-catalog.ts';
import { setPlanByOperator } from '../../lib/billing/set-plan.ts';
import { clearStripePriceCache } from '../../lib/billing/stripe-client.ts';
import { endExpiredTrials, runTrials, sendTrialReminders } from '../../lib/billing/trials.ts';
import { db } from '../../lib/db/client.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import { JOBS } from '../../lib/jobs/jobs.ts';
import { enqueue, registerWorker, startJobs, stopJobs } from '../../lib/jobs/queue.ts';
import { createClientTenant } from '../../lib/resellers/clients.ts';
import { completeSignup, startSignup } from '../../lib/signup/sign-up.ts';
import { updateBranding } from '../../lib/tenancy/tenant-settings.ts';
import { contextOf, createMember, memberOf, uniqueSlug } from '../support/factories.ts';
import { startFakeStripe, seedPrices, type FakeStripe } from '../support/fake-stripe.ts';
import { deliverEvent, stripeEvent } from '../support/stripe-events.ts';
import { createReseller } from '../support/resellers.ts';
import { failure } from '../support/workspace.ts';

// Trials on real Postgres: a new workspace starts on TRIAL.days of TRIAL.planId, its paid
// features work (and the API still refuses what the trial's plan lacks), one reminder goes out
// a few days before the end whichever runner runs the job and however often, and the end moves
// it to free, keeping its data. Buying a plan during the trial goes through Checkout and ends it.
//
// The job's functions look at every workspace in the database; other test files' workspaces are
// never due (their trials end in 14 days), so only the ones made here are touched.

const DAY = 86_400_000;

// Storing a reminder fails for these workspaces, to show that a reminder not stored is sent again.
const emailFailure = vi.hoisted(() => ({ tenants: new Set<string>() }));
vi.mock('../../lib/email/send-email.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/email/send-email.ts')>();
  return {
    ...original,
    sendEmail: async (...args: Parameters<typeof original.sendEmail>) => {
      if (args[0].tenant && emailFailure.tenants.has(args[0].tenant.id)) throw new Error('database unavailable');
      return original.sendEmail(...args);
    },
  };
});
const SCHEMA = 'pgboss_billing_trials';
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  seedPrices(fake, PLAN_CATALOG);
  process.env.STRIPE_SECRET_KEY = 'sk_test_fake_key';
  process.env.STRIPE_API_BASE = fake.url;
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_trials_test';
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  await stopJobs();
  await fake.close();
});

beforeEach(() => clearStripePriceCache());

/** A workspace made the way people make one: the sign-up form, then the emailed link. */
async function signUp() {
  const slug = uniqueSlug('trial');
  const email = `${slug}@example.test`;
  await startSignup({ name: 'Trial Owner', email, password: 'a-long-password-1', workspaceName: `Trial ${slug}`, slug }, null);
  await backgroundTasksSettled();
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email, kind: 'signup' } });
  const token = message.text.match(/\/signup\/confirm\/([A-Za-z0-9_-]{43})/)![1];
  const result = await completeSignup(token, {}, null);
  const tenant = await contextOf(result.tenantId);
  return { tenant, owner: await memberOf(tenant.id, result.userId), email };
}

/** Moves a trial's end (the job compares with the real clock: it runs over the whole database). */
async function endsIn(tenantId: string, ms: number) {
  await db.tenant.update({ where: { id: tenantId }, data: { trialEndsAt: new Date(Date.now() + ms) } });
  return contextOf(tenantId);
}

const BRAND = { primaryColor: '#0f766e', secondaryColor: '#111827', accentColor: '#f97316', customCss: '', terminology: {}, emailFromName: 'Coach', supportEmail: '', termsUrl: '', privacyUrl: '', hidePoweredBy: false };

const reminders = (tenantId: string) => db.emailMessage.findMany({ where: { tenantId, kind: 'billing_trial_reminder' }, select: { to: true, subject: true, text: true } });

describe('a new workspace', () => {
  it(`starts a ${TRIAL.days}-day trial of ${TRIAL.planId}, audited, with the days left on the billing page`, async () => {
    const before = Date.now();
    const { tenant, owner } = await signUp();
    const row = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(row).toMatchObject({ status: 'trial', plan: TRIAL.planId, trialReminderSentAt: null });
    expect(row.trialEndsAt!.getTime()).toBeGreaterThanOrEqual(before + TRIAL.days * DAY);
    expect(row.trialEndsAt!.getTime()).toBeLessThanOrEqual(Date.now() + TRIAL.days * DAY);
    const created = await db.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id, action: 'tenant.created' } });
    expect(created.metadata).toMatchObject({ trialPlan: TRIAL.planId, trialEndsAt: row.trialEndsAt!.toISOString() });

    const overview = await billingOverview(tenant);
    expect(overview.trial).toEqual({ planId: 'pro', planName: 'Pro', endsAt: row.trialEndsAt!.toISOString(), daysLeft: TRIAL.days });
    expect(overview.plan.id).toBe('pro');
    // Nothing bills a trial's overage: its API quota stops at the plan's.
    expect(overview.usage).toMatchObject({ quota: 100_000, hardLimit: true, overagePer1000Cents: null });
    expect(owner.role).toBe('owner');
  });

  it("a reseller's client workspace gets the same trial", async () => {
    const reseller = await createReseller();
    const created = await createClientTenant(reseller.actor, { workspaceName: 'Client Co', slug: uniqueSlug('client'), ownerEmail: `${uniqueSlug('c')}@example.test` });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: created.tenant.id } })).toMatchObject({ status: 'trial', plan: TRIAL.planId, trialEndsAt: expect.any(Date) });
  });
});

describe('during the trial', () => {
  it("the trial plan's features work (branding saves); the API still refuses what it lacks with 403 plan_upgrade_required", async () => {
    const { tenant, owner } = await signUp();
    expect(await can(tenant, 'custom_branding')).toBe(true);
    await updateBranding(tenant, owner, BRAND);
    const refreshed = await contextOf(tenant.id);
    expect(refreshed.branding).toMatchObject({ primaryColor: '#0f766e', emailFromName: 'Coach' });
    // Pro has no custom domains or SSO: still refused, with the code the UI and API clients know.
    const refused = await failure(requireFeature(refreshed, 'custom_domain'));
    expect(refused).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    expect(refused.message).toMatch(/Upgrade to Enterprise/);
  });

  it('an owner can buy a plan: Checkout for it, and the subscription Stripe confirms ends the trial; the job then leaves it alone', async () => {
    const { tenant, owner } = await signUp();
    const overview = await billingOverview(tenant);
    expect(overview.configured).toBe(true);
    expect(overview.plans.find((plan) => plan.id === 'pro')).toMatchObject({ current: true, purchasable: true });

    const result = await changePlan(tenant, owner, { plan: 'pro' });
    expect(result).toMatchObject({ kind: 'checkout', url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//) });
    const [session] = fake.calls('POST', '/v1/checkout/sessions').slice(-1);
    expect(session.form).toMatchObject({ mode: 'subscription', client_reference_id: tenant.id, 'line_items[0][price]': 'price_pro_monthly' });

    const customer = (await db.billingAccount.findUniqueOrThrow({ where: { tenantId: tenant.id } })).stripeCustomerId!;
    const now = Math.floor(Date.now() / 1000);
    const subscription = {
      id: `sub_${tenant.id}`,
      object: 'subscription',
      status: 'active',
      customer,
      cancel_at_period_end: false,
      metadata: { tenantId: tenant.id, plan: 'pro' },
      items: { object: 'list', data: [{ id: 'si_1', object: 'subscription_item', current_period_start: now, current_period_end: now + 30 * 86_400, price: { id: 'price_pro_monthly', lookup_key: 'waypoint_pro_monthly', metadata: {} } }] },
    };
    expect((await deliverEvent(stripeEvent('customer.subscription.created', subscription))).status).toBe(200);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { status: true, plan: true } })).toEqual({ status: 'active', plan: 'pro' });
    expect((await billingOverview(await contextOf(tenant.id))).trial).toBeNull();

    // The trial's end passes: a paid workspace is not moved to free.
    await db.tenant.update({ where: { id: tenant.id }, data: { trialEndsAt: new Date(Date.now() - 1000) } });
    expect(await endExpiredTrials()).not.toContain(tenant.id);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { plan: true } })).toEqual({ plan: 'pro' });
  });

  it('the operator setting a plan by hand ends the trial (the job must not undo it)', async () => {
    const { tenant } = await signUp();
    await setPlanByOperator({ userId: 'operator', email: 'operator@waypoint.test' }, tenant.id, { plan: 'basic' });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { status: true, plan: true } })).toEqual({ status: 'active', plan: 'basic' });
    await db.tenant.update({ where: { id: tenant.id }, data: { trialEndsAt: new Date(Date.now() - 1000) } });
    await endExpiredTrials();
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { plan: true } })).toEqual({ plan: 'basic' });
  });
});

describe('the end of the trial', () => {
  it('applies on the second (before the job runs), and the job moves the workspace to free, keeping its data; locked features answer 403', async () => {
    const { tenant, owner } = await signUp();
    await updateBranding(tenant, owner, { ...BRAND, hidePoweredBy: true });
    const ended = await endsIn(tenant.id, -60_000);
    // The job has not run yet: the entitlements already are free's.
    expect((await planOf(ended)).id).toBe('free');
    expect(await can(ended, 'custom_branding')).toBe(false);
    expect(ended.branding.primaryColor).toBe('#4f46e5');

    expect(await endExpiredTrials()).toContain(tenant.id);
    const row = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, include: { branding: true } });
    expect(row).toMatchObject({ status: 'active', plan: 'free' });
    // Nothing deleted: the brand waits for an upgrade.
    expect(row.branding).toMatchObject({ primaryColor: '#0f766e', emailFromName: 'Coach' });
    const after = await contextOf(tenant.id);
    expect(after.branding.primaryColor).toBe('#4f46e5');
    expect(await failure(updateBranding(after, owner, { ...BRAND, primaryColor: '#123456' }))).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    // What the locked page's links form sends (the served defaults and the links) saves, and
    // leaves the stored brand and footer choice as they were.
    await updateBranding(after, owner, { ...BRAND, primaryColor: '#4f46e5', secondaryColor: '#0f172a', accentColor: '#f59e0b', emailFromName: '', supportEmail: 'help@example.test' });
    expect(await db.branding.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ primaryColor: '#0f766e', emailFromName: 'Coach', hidePoweredBy: true, supportEmail: 'help@example.test' });
    expect((await contextOf(tenant.id)).branding.hidePoweredBy).toBe(false);
    expect((await billingOverview(after)).trial).toBeNull();

    // Audited once; a second run changes nothing.
    expect(await endExpiredTrials()).not.toContain(tenant.id);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'billing.trial_ended' } })).toBe(1);
    const changes = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: 'billing.plan_changed' }, select: { metadata: true } });
    expect(changes.map((c) => c.metadata)).toEqual([expect.objectContaining({ from: 'pro', to: 'free', source: 'trial' })]);
  });

  it('a trial that has not ended is left alone', async () => {
    const { tenant } = await signUp();
    await endsIn(tenant.id, 60_000);
    expect(await endExpiredTrials()).not.toContain(tenant.id);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { status: true, plan: true } })).toEqual({ status: 'trial', plan: 'pro' });
  });
});

describe('the reminder', () => {
  it(`goes to the owners ${TRIAL.remindDaysBefore} days before the end, once, however often and however concurrently the job runs`, async () => {
    const { tenant, email } = await signUp();
    await createMember(tenant.id, 'admin');
    const owner2 = await createMember(tenant.id, 'owner');
    // Not yet due: more than remindDaysBefore days left.
    await endsIn(tenant.id, (TRIAL.remindDaysBefore + 1) * DAY);
    expect(await sendTrialReminders()).not.toContain(tenant.id);
    expect(await reminders(tenant.id)).toEqual([]);

    await endsIn(tenant.id, 2 * DAY + 3_600_000);
    const [first, second, job] = await Promise.all([sendTrialReminders(), sendTrialReminders(), runTrials()]);
    // Exactly one of the three claims it: one of the two runs, or the job's (whose count covers
    // every workspace, so it can only be checked as "at least this one"). Which one wins is a race.
    const claimedBySend = [...first, ...second].filter((id) => id === tenant.id).length;
    expect(claimedBySend).toBeLessThanOrEqual(1);
    if (claimedBySend === 0) expect(job.reminded).toBeGreaterThanOrEqual(1);
    await sendTrialReminders();
    const sent = await reminders(tenant.id);
    expect(sent.map((m) => m.to).sort()).toEqual([email, owner2.email].sort());
    expect(sent[0].subject).toContain('your Pro trial ends in 3 days');
    expect(sent[0].text).toContain('/settings/billing');
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialReminderSentAt).toEqual(expect.any(Date));
  });

  it('runs as the billing.trials job on pg-boss (hourly cron) and sends once when the job runs twice', async () => {
    const { tenant } = await signUp();
    await endsIn(tenant.id, DAY);
    await registerWorker('billing.trials', (payload, context) => JOBS['billing.trials'].run(payload, context));
    expect(await startJobs({ pollingIntervalSeconds: 0.5, schema: SCHEMA })).toBe('pg-boss');
    await enqueue('billing.trials', {});
    await enqueue('billing.trials', {});
    await expect.poll(async () => (await reminders(tenant.id)).length, { timeout: 15_000 }).toBe(1);
    const [schedule] = await db.$queryRawUnsafe<{ cron: string }[]>(`SELECT cron FROM ${SCHEMA}.schedule WHERE name = 'billing.trials'`);
    expect(schedule?.cron).toBe(JOBS['billing.trials'].cron);
  });

  it('runs as the Inngest function billing-trials (same service), once however often Inngest delivers it', async () => {
    const { tenant } = await signUp();
    await endsIn(tenant.id, DAY);
    const transformCtx = (ctx: Readonly<Context.Any>): Context.Any => mockCtx(ctx);
    const billingTrialsFunction = functions.find((fn) => fn.id() === inngestFunctionId('billing.trials'))!;
    const run = () => new InngestTestEngine({ function: billingTrialsFunction, transformCtx }).execute({ events: [{ name: 'billing.trials', data: {} }] });
    const first = await run();
    expect(first.ctx.step.run).toHaveBeenCalledWith('billing.trials', expect.any(Function));
    await run();
    expect(await reminders(tenant.id)).toHaveLength(1);
    const opts = (billingTrialsFunction as unknown as { opts: { triggers?: unknown[] } }).opts;
    expect(opts.triggers).toEqual([{ cron: `TZ=UTC ${JOBS['billing.trials'].cron}` }, { event: 'billing.trials' }]);
  });

  it('a reminder that could not be stored is sent by the next run', async () => {
    const { tenant } = await signUp();
    await endsIn(tenant.id, DAY);
    emailFailure.tenants.add(tenant.id);
    await expect(sendTrialReminders()).rejects.toThrow('database unavailable');
    emailFailure.tenants.delete(tenant.id);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialReminderSentAt).toBeNull();
    expect(await sendTrialReminders()).toContain(tenant.id);
    expect(await reminders(tenant.id)).toHaveLength(1);
  });
});
