import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { catchUpDunning, dunningJobKey, isSuspendedForNonPayment, runDunningStep, startDunning, stopDunning } from '../../lib/billing/dunning.ts';
import type { DunningStep } from '../../lib/billing/dunning-schedule.ts';
import { jobIdFor } from '../../lib/jobs/job-id.ts';
import { JOBS } from '../../lib/jobs/jobs.ts';
import { enqueue, registerWorker, startJobs, stopJobs } from '../../lib/jobs/queue.ts';
import { getTenantById } from '../../lib/tenancy/tenant-cache.ts';
import { createMember, createTenant, uniqueSlug } from '../support/factories.ts';

// The dunning sequence on the Postgres queue (pg-boss), with the queue's own clock moved
// forward: a step scheduled days ahead is made due by setting its start_after to now. The
// queue runs in a schema of its own, with only the dunning worker registered, so it never
// takes jobs of the other test files (webhooks-pipeline.test.ts runs the app's workers on
// "pgboss").
const SCHEMA = 'pgboss_billing_dunning';
const DAY = 86_400;

// A switch to make storing emails fail (all of them, or one workspace's), to test that a step
// whose emails were not stored is sent again by its retry.
const emailFailure = vi.hoisted(() => ({ on: false, tenantId: undefined as string | undefined }));
vi.mock('../../lib/email/send-email.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/email/send-email.ts')>();
  return {
    ...original,
    sendEmail: async (...args: Parameters<typeof original.sendEmail>) => {
      if (emailFailure.on || emailFailure.tenantId === args[0].tenant?.id) throw new Error('database unavailable');
      return original.sendEmail(...args);
    },
  };
});

beforeAll(async () => {
  await registerWorker('billing.dunning_step', (payload, context) => JOBS['billing.dunning_step'].run(payload, context));
  expect(await startJobs({ pollingIntervalSeconds: 0.5, schema: SCHEMA })).toBe('pg-boss');
});

afterAll(async () => {
  await stopJobs();
});

interface Workspace {
  tenantId: string;
  slug: string;
  ownerEmail: string;
  invoiceId: string;
}

/** An active workspace with an owner, an admin (who gets no dunning email) and a billing contact. */
async function payingWorkspace(): Promise<Workspace> {
  const tenant = await createTenant();
  const owner = await createMember(tenant.id, 'owner');
  await createMember(tenant.id, 'admin');
  // The owner listed again (in capitals) as a billing contact still gets one email.
  await db.billingAccount.create({
    data: { tenantId: tenant.id, stripeCustomerId: `cus_${uniqueSlug()}`, subscriptionStatus: 'past_due', billingEmails: ['Accounts@Example.test', owner.email.toUpperCase()] },
  });
  return { tenantId: tenant.id, slug: tenant.slug, ownerEmail: owner.email, invoiceId: `in_${uniqueSlug()}` };
}

const emailsOf = (tenantId: string, step: DunningStep) =>
  db.emailMessage.findMany({ where: { tenantId, kind: `billing_dunning_${step}` }, select: { to: true, subject: true, html: true, text: true }, orderBy: { to: 'asc' } });

interface JobRow {
  state: string;
  delaySeconds: number;
  output: { outcome?: string } | null;
}

async function stepJob(invoiceId: string, step: DunningStep, key = dunningJobKey(invoiceId, step)): Promise<JobRow | null> {
  const [row] = await db.$queryRawUnsafe<JobRow[]>(
    `SELECT state::text AS state, extract(epoch FROM start_after - now())::float AS "delaySeconds", output
     FROM ${SCHEMA}.job WHERE name = 'billing.dunning_step' AND id = $1::uuid`,
    jobIdFor('billing.dunning_step', key),
  );
  return row ?? null;
}

/** Makes a scheduled step due now, as if its days had passed. */
async function fastForward(invoiceId: string, step: DunningStep): Promise<void> {
  const updated = await db.$executeRawUnsafe(`UPDATE ${SCHEMA}.job SET start_after = now() WHERE name = 'billing.dunning_step' AND id = $1::uuid AND state = 'created'`, jobIdFor('billing.dunning_step', dunningJobKey(invoiceId, step)));
  expect(updated, `the ${step} job is waiting`).toBe(1);
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const completed = (invoiceId: string, step: DunningStep, key?: string) => waitFor(() => stepJob(invoiceId, step, key), (job) => job?.state === 'completed');

describe('dunning on the Postgres queue', () => {
  it('emails at once, schedules days 3, 7 and 14, sends each reminder once and suspends at day 14; paying reactivates', async () => {
    const w = await payingWorkspace();
    const at = new Date(Date.now() - 1000);
    await startDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId, at });

    expect(await db.billingAccount.findUnique({ where: { tenantId: w.tenantId } })).toMatchObject({ unpaidInvoiceId: w.invoiceId, pastDueSince: at });
    // Day 0 went out at once, branded, to the owner and the billing contact, each once.
    const day0 = await emailsOf(w.tenantId, 'day0');
    expect(day0.map((email) => email.to)).toEqual(['accounts@example.test', w.ownerEmail].sort());
    expect(day0[0].subject).toMatch(/^Payment failed for /);
    expect(day0[0].text).toContain(`http://${w.slug}.localhost:3100/settings/billing`);
    expect(day0[0].html).toContain(`http://${w.slug}.localhost:3100/settings/billing`);

    // The later steps wait in the queue, 3, 7 and 14 days after the failed payment.
    for (const [step, days] of [['day3', 3], ['day7', 7], ['suspended', 14]] as const) {
      const job = await stepJob(w.invoiceId, step);
      expect(job?.state, step).toBe('created');
      expect(job!.delaySeconds).toBeGreaterThan(days * DAY - 60);
      expect(job!.delaySeconds).toBeLessThanOrEqual(days * DAY);
    }

    // Stripe reports the same failure again an hour later: the clock does not restart and
    // nothing is sent or scheduled twice.
    await startDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId, at: new Date(at.getTime() + 3_600_000) });
    expect((await db.billingAccount.findUnique({ where: { tenantId: w.tenantId } }))?.pastDueSince).toEqual(at);
    expect(await emailsOf(w.tenantId, 'day0')).toHaveLength(2);
    const [{ jobs }] = await db.$queryRawUnsafe<{ jobs: number }[]>(`SELECT count(*)::int AS jobs FROM ${SCHEMA}.job WHERE name = 'billing.dunning_step' AND data->'payload'->>'invoiceId' = $1`, w.invoiceId);
    expect(jobs).toBe(3);

    // Day 3.
    await fastForward(w.invoiceId, 'day3');
    expect((await completed(w.invoiceId, 'day3'))?.output).toMatchObject({ outcome: 'sent', recipients: 2 });
    expect((await emailsOf(w.tenantId, 'day3')).map((email) => email.to)).toEqual(['accounts@example.test', w.ownerEmail].sort());

    // A duplicated day-3 job (a redelivery) sends nothing.
    await enqueue('billing.dunning_step', { tenantId: w.tenantId, invoiceId: w.invoiceId, step: 'day3' }, { singletonKey: 'duplicate-day3' });
    expect((await completed(w.invoiceId, 'day3', 'duplicate-day3'))?.output).toMatchObject({ outcome: 'already_sent' });
    expect(await emailsOf(w.tenantId, 'day3')).toHaveLength(2);

    // Day 7: the final reminder names the suspension date.
    await fastForward(w.invoiceId, 'day7');
    expect((await completed(w.invoiceId, 'day7'))?.output).toMatchObject({ outcome: 'sent' });
    const day7 = await emailsOf(w.tenantId, 'day7');
    expect(day7).toHaveLength(2);
    expect(day7[0].subject).toMatch(/^Final reminder: .* will be suspended on /);
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');

    // Day 14: suspended for non-payment, audited, and the cached tenant sees it at once.
    expect((await getTenantById(w.tenantId))?.status).toBe('active');
    await fastForward(w.invoiceId, 'suspended');
    expect((await completed(w.invoiceId, 'suspended'))?.output).toMatchObject({ outcome: 'sent' });
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('suspended');
    expect((await getTenantById(w.tenantId))?.status).toBe('suspended');
    expect(await db.auditLog.findFirst({ where: { tenantId: w.tenantId, action: 'tenant.suspended' } })).toMatchObject({
      actorId: null,
      targetId: w.tenantId,
      metadata: { reason: 'non_payment', invoiceId: w.invoiceId },
    });
    expect(await emailsOf(w.tenantId, 'suspended')).toHaveLength(2);
    expect(await isSuspendedForNonPayment(w.tenantId)).toBe(true);
    expect((await db.dunningNotice.findMany({ where: { invoiceId: w.invoiceId }, orderBy: { sentAt: 'asc' } })).map((notice) => notice.step)).toEqual(['day0', 'day3', 'day7', 'suspended']);

    // The invoice is paid: the workspace is back, the account is clear.
    await stopDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId });
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');
    expect((await getTenantById(w.tenantId))?.status).toBe('active');
    expect(await db.billingAccount.findUnique({ where: { tenantId: w.tenantId } })).toMatchObject({ unpaidInvoiceId: null, pastDueSince: null });
    expect(await db.auditLog.findFirst({ where: { tenantId: w.tenantId, action: 'tenant.reactivated' } })).toMatchObject({ metadata: { reason: 'payment_received', invoiceId: w.invoiceId } });
    expect(await isSuspendedForNonPayment(w.tenantId)).toBe(false);
    // Every email of the sequence went out exactly once per recipient.
    expect(await db.emailMessage.count({ where: { tenantId: w.tenantId, kind: { startsWith: 'billing_dunning_' } } })).toBe(8);
  });

  it('paying before day 7 stops the sequence: the later jobs fire and do nothing', async () => {
    const w = await payingWorkspace();
    await startDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId, at: new Date() });
    await fastForward(w.invoiceId, 'day3');
    await completed(w.invoiceId, 'day3');

    await stopDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId });
    expect((await db.billingAccount.findUnique({ where: { tenantId: w.tenantId } }))?.unpaidInvoiceId).toBeNull();

    for (const step of ['day7', 'suspended'] as const) {
      await fastForward(w.invoiceId, step);
      expect((await completed(w.invoiceId, step))?.output, step).toMatchObject({ outcome: 'stopped' });
    }
    expect(await emailsOf(w.tenantId, 'day7')).toHaveLength(0);
    expect(await emailsOf(w.tenantId, 'suspended')).toHaveLength(0);
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');
    expect((await db.dunningNotice.findMany({ where: { invoiceId: w.invoiceId } })).map((notice) => notice.step).sort()).toEqual(['day0', 'day3']);
  });

  it('schedules the cron of the monthly usage reset', async () => {
    const rows = await db.$queryRawUnsafe<{ cron: string; timezone: string }[]>(`SELECT cron, timezone FROM ${SCHEMA}.schedule WHERE name = 'billing.reset_usage'`);
    expect(rows).toEqual([{ cron: '5 * * * *', timezone: 'UTC' }]);
  });
});

describe('dunning steps', () => {
  it('a step run many times at once sends once', async () => {
    const w = await payingWorkspace();
    await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: new Date() } });
    const results = await Promise.all(Array.from({ length: 6 }, () => runDunningStep(w.tenantId, w.invoiceId, 'day3')));
    expect(results.filter((result) => result.outcome === 'sent')).toHaveLength(1);
    expect(results.filter((result) => result.outcome === 'already_sent')).toHaveLength(5);
    expect(await emailsOf(w.tenantId, 'day3')).toHaveLength(2);
  });

  it('a step whose emails could not be stored is sent by its retry', async () => {
    const w = await payingWorkspace();
    await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: new Date() } });
    emailFailure.on = true;
    try {
      await expect(runDunningStep(w.tenantId, w.invoiceId, 'day7')).rejects.toThrow('database unavailable');
    } finally {
      emailFailure.on = false;
    }
    expect(await db.dunningNotice.count({ where: { invoiceId: w.invoiceId } })).toBe(0);
    expect(await runDunningStep(w.tenantId, w.invoiceId, 'day7')).toEqual({ outcome: 'sent', step: 'day7', recipients: 2 });
    expect(await emailsOf(w.tenantId, 'day7')).toHaveLength(2);
  });

  it('another invoice failing during a sequence does not restart its clock; paying that other invoice does not stop it', async () => {
    const w = await payingWorkspace();
    const at = new Date(Date.now() - 5 * DAY * 1000);
    await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: at } });
    const other = `in_${uniqueSlug()}`;
    await startDunning({ tenantId: w.tenantId, invoiceId: other, at: new Date() });
    expect(await db.billingAccount.findUnique({ where: { tenantId: w.tenantId } })).toMatchObject({ unpaidInvoiceId: w.invoiceId, pastDueSince: at });
    expect(await emailsOf(w.tenantId, 'day0')).toHaveLength(0);
    expect(await stepJob(other, 'day3')).toBeNull();

    await stopDunning({ tenantId: w.tenantId, invoiceId: other });
    expect((await db.billingAccount.findUnique({ where: { tenantId: w.tenantId } }))?.unpaidInvoiceId).toBe(w.invoiceId);
    // A step of an invoice that is not the unpaid one does nothing.
    expect(await runDunningStep(w.tenantId, other, 'day7')).toEqual({ outcome: 'stopped', step: 'day7' });
  });

  it('day 14 leaves a workspace an operator already suspended alone, and paying does not reactivate it', async () => {
    const w = await payingWorkspace();
    await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: new Date() } });
    await db.tenant.update({ where: { id: w.tenantId }, data: { status: 'suspended' } });

    expect(await runDunningStep(w.tenantId, w.invoiceId, 'suspended')).toMatchObject({ outcome: 'skipped' });
    expect(await db.dunningNotice.count({ where: { invoiceId: w.invoiceId, step: 'suspended' } })).toBe(0);
    expect(await isSuspendedForNonPayment(w.tenantId)).toBe(false);

    await stopDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId });
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('suspended');
    expect(await db.auditLog.count({ where: { tenantId: w.tenantId, action: 'tenant.reactivated' } })).toBe(0);
  });

  it('stopDunning without an invoice id (billing stopped altogether) clears whatever is unpaid', async () => {
    const w = await payingWorkspace();
    await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: new Date() } });
    await runDunningStep(w.tenantId, w.invoiceId, 'suspended');
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('suspended');
    await stopDunning({ tenantId: w.tenantId });
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');
    expect((await db.billingAccount.findUnique({ where: { tenantId: w.tenantId } }))?.unpaidInvoiceId).toBeNull();
    // Nothing left to stop: a no-op.
    await stopDunning({ tenantId: w.tenantId });
  });
});

describe('the dunning catch-up', () => {
  const daysAfter = (since: Date, days: number) => new Date(since.getTime() + days * DAY * 1000 + 60_000);

  it('runs the latest due step that has not run, once, and only while the invoice is unpaid', async () => {
    const w = await payingWorkspace();
    const since = new Date();
    // A sequence with no jobs (as one Inngest slept through before dunning became delayed jobs).
    await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: since } });
    const scope = { tenantIds: [w.tenantId] };

    expect(await catchUpDunning(daysAfter(since, 2), scope)).toEqual([]);
    expect(await catchUpDunning(daysAfter(since, 3), scope)).toEqual([{ outcome: 'sent', step: 'day3', recipients: 2 }]);
    // Day 3 ran: the next hourly run finds nothing due.
    expect(await catchUpDunning(daysAfter(since, 4), scope)).toEqual([]);
    // Days later, with day 7 past: the day-7 reminder, not a late day 3 again.
    expect(await catchUpDunning(daysAfter(since, 8), scope)).toEqual([{ outcome: 'sent', step: 'day7', recipients: 2 }]);
    // The delayed job of day 7 comes too: it sends nothing.
    expect(await runDunningStep(w.tenantId, w.invoiceId, 'day7')).toEqual({ outcome: 'already_sent', step: 'day7' });
    expect(await emailsOf(w.tenantId, 'day7')).toHaveLength(2);

    await stopDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId });
    expect(await catchUpDunning(daysAfter(since, 15), scope)).toEqual([]);
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');
  });

  it('a workspace whose step fails does not hold up the others, and the run fails so that its retry sends it', async () => {
    const [a, b] = [await payingWorkspace(), await payingWorkspace()];
    const since = new Date();
    for (const w of [a, b]) await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: since } });
    const scope = { tenantIds: [a.tenantId, b.tenantId] };
    emailFailure.tenantId = a.tenantId;
    try {
      await expect(catchUpDunning(daysAfter(since, 3), scope)).rejects.toThrow('billing: 1 dunning catch-up step(s) failed');
    } finally {
      emailFailure.tenantId = undefined;
    }
    expect(await emailsOf(a.tenantId, 'day3')).toHaveLength(0);
    expect(await emailsOf(b.tenantId, 'day3')).toHaveLength(2);
    // The retry: only a's step is left to run.
    expect(await catchUpDunning(daysAfter(since, 3), scope)).toEqual([{ outcome: 'sent', step: 'day3', recipients: 2 }]);
    expect(await emailsOf(a.tenantId, 'day3')).toHaveLength(2);
  });
});
