import { InngestTestEngine, mockCtx } from '@inngest/test';
import type { Context } from 'inngest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { dunningJobKey, startDunning, stopDunning } from '../../lib/billing/dunning.ts';
import { dunningStepDueAt, type DunningStep } from '../../lib/billing/dunning-schedule.ts';
import { resetUsagePeriods } from '../../lib/billing/usage-reset.ts';
import type { JobName } from '../../lib/jobs/job-types.ts';
import { functions, inngestFunctionId } from '../../inngest/functions.ts';
import { createMember, createTenant, uniqueSlug } from '../support/factories.ts';

// Dunning on Inngest: the same delayed 'billing.dunning_step' jobs as on pg-boss, sent as
// Inngest events dated when each step is due, and run by the function generated from the job's
// definition (in-process, by InngestTestEngine). No Inngest server runs here: the client sends
// to a fetch that records the events.

const sent = vi.hoisted(() => [] as { name: string; data: Record<string, unknown>; id?: string; ts?: number }[]);

vi.mock('../../inngest/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../inngest/client.ts')>();
  const captureFetch: typeof globalThis.fetch = async (_input, init) => {
    const events = JSON.parse(String(init?.body)) as typeof sent;
    sent.push(...events);
    return new Response(JSON.stringify({ ids: events.map((_, i) => `sent-${sent.length}-${i}`), status: 200 }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { ...original, inngest: original.createInngestClient({ isDev: true, fetch: captureFetch }) };
});

// The reset runs on the whole database; its own tests (billing-usage-reset.test.ts) scope it
// to their workspaces. Here only the function's wiring is under test.
vi.mock('../../lib/billing/usage-reset.ts', () => ({ resetUsagePeriods: vi.fn(async () => ({ closed: 2, opened: 1, extended: 0 })) }));

afterEach(() => {
  vi.unstubAllEnvs();
  sent.length = 0;
});

const transformCtx = (ctx: Readonly<Context.Any>): Context.Any => mockCtx(ctx);

function inngestFunction(name: JobName) {
  const fn = functions.find((candidate) => candidate.id() === inngestFunctionId(name));
  if (!fn) throw new Error(`no Inngest function for ${name}`);
  return fn;
}

async function payingWorkspace() {
  const tenant = await createTenant();
  const owner = await createMember(tenant.id, 'owner');
  await db.billingAccount.create({ data: { tenantId: tenant.id, stripeCustomerId: `cus_${uniqueSlug()}`, subscriptionStatus: 'past_due', billingEmails: ['billing@example.test'] } });
  return { tenantId: tenant.id, ownerEmail: owner.email, invoiceId: `in_${uniqueSlug()}` };
}

const emailCount = (tenantId: string, step: DunningStep) => db.emailMessage.count({ where: { tenantId, kind: `billing_dunning_${step}` } });

/** startDunning on Inngest: the day-0 email, and one delayed event per later step. */
async function startOnInngest(w: { tenantId: string; invoiceId: string }, at: Date) {
  vi.stubEnv('INNGEST_DEV', '1');
  await startDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId, at });
  expect(sent.map((event) => event.name)).toEqual(['billing.dunning_step', 'billing.dunning_step', 'billing.dunning_step']);
  return sent.splice(0);
}

/** Runs one step's event on the generated function, as Inngest would when its time comes. */
const runStep = (data: Record<string, unknown>) => new InngestTestEngine({ function: inngestFunction('billing.dunning_step'), transformCtx }).execute({ events: [{ name: 'billing.dunning_step', data }] });

describe('dunning on Inngest', () => {
  it('startDunning sends the day-0 email and one event per later step, each dated when it is due', async () => {
    const w = await payingWorkspace();
    const at = new Date();
    const events = await startOnInngest(w, at);
    expect(await emailCount(w.tenantId, 'day0')).toBe(2);
    for (const [i, step] of (['day3', 'day7', 'suspended'] as const).entries()) {
      expect(events[i]).toEqual({ name: 'billing.dunning_step', id: `billing.dunning_step:${dunningJobKey(w.invoiceId, step)}`, data: { tenantId: w.tenantId, invoiceId: w.invoiceId, step }, ts: expect.any(Number) });
      const due = dunningStepDueAt(at, step).getTime();
      expect(events[i].ts).toBeGreaterThanOrEqual(due);
      expect(events[i].ts).toBeLessThan(due + 2_000);
    }
    // The same failure again: the same event ids, which Inngest deduplicates; no second email.
    await startDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId, at: new Date(at.getTime() + 60_000) });
    expect(sent.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(await emailCount(w.tenantId, 'day0')).toBe(2);
  });

  it('the generated function runs each step when its event comes, once however often Inngest delivers it, and suspends at day 14', async () => {
    const w = await payingWorkspace();
    const events = await startOnInngest(w, new Date(Date.now() - 60_000));
    const results = [];
    for (const event of events) {
      const { result, ctx } = await runStep(event.data);
      expect(ctx.step.run).toHaveBeenCalledWith('billing.dunning_step', expect.any(Function));
      results.push(result);
    }
    expect(results).toEqual([
      { outcome: 'sent', step: 'day3', recipients: 2 },
      { outcome: 'sent', step: 'day7', recipients: 2 },
      { outcome: 'sent', step: 'suspended', recipients: 2 },
    ]);
    // Delivered again (Inngest runs at least once): nothing is sent twice.
    expect((await runStep(events[0].data)).result).toEqual({ outcome: 'already_sent', step: 'day3' });
    const notices = await db.dunningNotice.findMany({ where: { invoiceId: w.invoiceId }, orderBy: { sentAt: 'asc' } });
    expect(notices.map((notice) => notice.step)).toEqual(['day0', 'day3', 'day7', 'suspended']);
    for (const step of ['day0', 'day3', 'day7', 'suspended'] as const) expect(await emailCount(w.tenantId, step), step).toBe(2);
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('suspended');
  });

  it('paying before day 7 sends nothing to Inngest; the later steps come and do nothing', async () => {
    const w = await payingWorkspace();
    const [day3, day7, suspended] = await startOnInngest(w, new Date());
    expect((await runStep(day3.data)).result).toEqual({ outcome: 'sent', step: 'day3', recipients: 2 });
    await stopDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId });
    expect(sent).toEqual([]);
    expect((await runStep(day7.data)).result).toEqual({ outcome: 'stopped', step: 'day7' });
    expect((await runStep(suspended.data)).result).toEqual({ outcome: 'stopped', step: 'suspended' });
    expect(await emailCount(w.tenantId, 'day7')).toBe(0);
    expect(await emailCount(w.tenantId, 'suspended')).toBe(0);
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');
  });

  it('a step whose event data is malformed fails at once, without retries and without touching the invoice', async () => {
    const w = await payingWorkspace();
    const [day3] = await startOnInngest(w, new Date());
    const { error, ctx } = await runStep({ ...day3.data, step: 'day5' });
    // The engine hands the error back serialized: its class survives in the stack.
    expect(error).toMatchObject({ message: expect.stringContaining('invalid billing.dunning_step payload: step:'), stack: expect.stringMatching(/^NonRetriableError: /) });
    expect(ctx.step.run).not.toHaveBeenCalled();
    expect(await emailCount(w.tenantId, 'day3')).toBe(0);
  });
});

describe('the usage reset function on Inngest', () => {
  it('runs resetUsagePeriods in its step, hourly', async () => {
    const fn = inngestFunction('billing.reset_usage');
    const { result, ctx } = await new InngestTestEngine({ function: fn, transformCtx }).execute({ events: [{ name: 'billing.reset_usage', data: {} }] });
    expect(result).toEqual({ closed: 2, opened: 1, extended: 0 });
    expect(ctx.step.run).toHaveBeenCalledWith('billing.reset_usage', expect.any(Function));
    expect(resetUsagePeriods).toHaveBeenCalledWith(expect.any(Date));
    const opts = (fn as unknown as { opts: { triggers?: unknown[] } }).opts;
    expect(opts.triggers).toEqual([{ cron: 'TZ=UTC 5 * * * *' }, { event: 'billing.reset_usage' }]);
  });
});
