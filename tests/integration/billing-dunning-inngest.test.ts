import { InngestTestEngine, mockCtx } from '@inngest/test';
import type { Context } from 'inngest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { DUNNING_STARTED_EVENT, INVOICE_PAID_EVENT, startDunning, stopDunning } from '../../lib/billing/dunning.ts';
import type { DunningStep } from '../../lib/billing/dunning-schedule.ts';
import { resetUsagePeriods } from '../../lib/billing/usage-reset.ts';
import { billingDunningFunction } from '../../inngest/billing-dunning.ts';
import { billingDunningStepFunction } from '../../inngest/billing-dunning-step.ts';
import { billingResetUsageFunction } from '../../inngest/billing-reset-usage.ts';
import { createMember, createTenant, uniqueSlug } from '../support/factories.ts';

// The dunning sequence as an Inngest function, run in-process by InngestTestEngine. No Inngest
// server runs here: the client sends to a fetch that records the events, and step.sleepUntil
// is mocked to return at once (recording until when it would have slept).

const sent = vi.hoisted(() => [] as { name: string; data: Record<string, unknown>; id?: string }[]);

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

/** step.sleepUntil returns at once; `onSleep` runs first (e.g. to pay the invoice meanwhile). */
function withMockedSleeps(sleeps: { id: string; until: Date }[], onSleep: (id: string) => Promise<void> = async () => {}) {
  return (ctx: Readonly<Context.Any>): Context.Any => {
    const mocked = mockCtx(ctx);
    const sleepUntil = vi.fn(async (idOrOptions: string | { id: string }, until: unknown) => {
      const id = typeof idOrOptions === 'string' ? idOrOptions : idOrOptions.id;
      // The engine replays the function once per step: record each sleep once.
      if (!sleeps.some((sleep) => sleep.id === id)) {
        sleeps.push({ id, until: new Date(until as Date | string) });
        await onSleep(id);
      }
    });
    return { ...mocked, step: { ...mocked.step, sleepUntil, sleep: vi.fn(async () => undefined), sendEvent: vi.fn(async () => ({ ids: [] })) } };
  };
}

async function payingWorkspace() {
  const tenant = await createTenant();
  const owner = await createMember(tenant.id, 'owner');
  await db.billingAccount.create({ data: { tenantId: tenant.id, stripeCustomerId: `cus_${uniqueSlug()}`, subscriptionStatus: 'past_due', billingEmails: ['billing@example.test'] } });
  return { tenantId: tenant.id, ownerEmail: owner.email, invoiceId: `in_${uniqueSlug()}` };
}

const emailCount = (tenantId: string, step: DunningStep) => db.emailMessage.count({ where: { tenantId, kind: `billing_dunning_${step}` } });

/** startDunning on Inngest: the day-0 email, and the event that starts the function. */
async function startOnInngest(w: { tenantId: string; invoiceId: string }, at: Date) {
  vi.stubEnv('INNGEST_DEV', '1');
  await startDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId, at });
  const started = sent.filter((event) => event.name === DUNNING_STARTED_EVENT);
  expect(started).toEqual([{ name: DUNNING_STARTED_EVENT, id: `${DUNNING_STARTED_EVENT}:${w.invoiceId}`, data: { tenantId: w.tenantId, invoiceId: w.invoiceId, since: at.toISOString() }, ts: expect.any(Number) }]);
  return started[0];
}

const DAY_MS = 86_400_000;

describe('the dunning function on Inngest', () => {
  it('startDunning sends the day-0 email and starts the sequence with one event (no queue job)', async () => {
    const w = await payingWorkspace();
    const at = new Date();
    await startOnInngest(w, at);
    expect(await emailCount(w.tenantId, 'day0')).toBe(2);
    // The same failure again: the same event id, which Inngest deduplicates; no second email.
    await startDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId, at: new Date(at.getTime() + 60_000) });
    expect(new Set(sent.map((event) => event.id))).toEqual(new Set([`${DUNNING_STARTED_EVENT}:${w.invoiceId}`]));
    expect(await emailCount(w.tenantId, 'day0')).toBe(2);
  });

  it('sleeps until days 3, 7 and 14 and runs each step in order, then suspends', async () => {
    const w = await payingWorkspace();
    const at = new Date(Date.now() - 60_000);
    const event = await startOnInngest(w, at);
    const sleeps: { id: string; until: Date }[] = [];
    const order: string[] = [];
    const t = new InngestTestEngine({
      function: billingDunningFunction,
      // What had been sent when each sleep began: every step comes after its sleep.
      transformCtx: withMockedSleeps(sleeps, async (id) => {
        const notices = await db.dunningNotice.findMany({ where: { invoiceId: w.invoiceId }, orderBy: { sentAt: 'asc' } });
        order.push(`${id} after ${notices.map((notice) => notice.step).join(',')}`);
      }),
    });

    const { result, ctx } = await t.execute({ events: [{ name: event.name, data: event.data }] });
    expect(result).toEqual([
      { outcome: 'sent', step: 'day3', recipients: 2 },
      { outcome: 'sent', step: 'day7', recipients: 2 },
      { outcome: 'sent', step: 'suspended', recipients: 2 },
    ]);
    expect(sleeps).toEqual([
      { id: 'wait-day3', until: new Date(at.getTime() + 3 * DAY_MS) },
      { id: 'wait-day7', until: new Date(at.getTime() + 7 * DAY_MS) },
      { id: 'wait-suspended', until: new Date(at.getTime() + 14 * DAY_MS) },
    ]);
    expect(order).toEqual(['wait-day3 after day0', 'wait-day7 after day0,day3', 'wait-suspended after day0,day3,day7']);
    for (const step of ['day3', 'day7', 'suspended']) expect(ctx.step.run).toHaveBeenCalledWith(step, expect.any(Function));
    // Each step ran once, in order: its notice, its emails.
    const notices = await db.dunningNotice.findMany({ where: { invoiceId: w.invoiceId }, orderBy: { sentAt: 'asc' } });
    expect(notices.map((notice) => notice.step)).toEqual(['day0', 'day3', 'day7', 'suspended']);
    for (const step of ['day0', 'day3', 'day7', 'suspended'] as const) expect(await emailCount(w.tenantId, step), step).toBe(2);
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('suspended');
  });

  it('is cancelled by billing.invoice_paid for the same workspace', () => {
    const opts = (billingDunningFunction as unknown as { opts: { cancelOn?: unknown[] } }).opts;
    expect(opts.cancelOn).toEqual([{ event: INVOICE_PAID_EVENT, if: 'async.data.tenantId == event.data.tenantId' }]);
  });

  it('paying during the wait before day 7 sends the cancel event, and the run stops there', async () => {
    const w = await payingWorkspace();
    const event = await startOnInngest(w, new Date());
    sent.length = 0;
    const sleeps: { id: string; until: Date }[] = [];
    const t = new InngestTestEngine({
      function: billingDunningFunction,
      // The invoice is paid while the run sleeps towards day 7. The engine cannot model the
      // cancellation itself; the step that wakes finds the invoice paid and the run ends.
      transformCtx: withMockedSleeps(sleeps, async (id) => {
        if (id === 'wait-day7') await stopDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId });
      }),
    });

    const { result, ctx } = await t.execute({ events: [{ name: event.name, data: event.data }] });
    expect(result).toEqual([
      { outcome: 'sent', step: 'day3', recipients: 2 },
      { outcome: 'stopped', step: 'day7' },
    ]);
    expect(sent).toEqual([expect.objectContaining({ name: INVOICE_PAID_EVENT, data: { tenantId: w.tenantId, invoiceId: w.invoiceId } })]);
    expect(sleeps.map((sleep) => sleep.id)).toEqual(['wait-day3', 'wait-day7']);
    expect(ctx.step.run).not.toHaveBeenCalledWith('suspended', expect.any(Function));
    expect(await emailCount(w.tenantId, 'day7')).toBe(0);
    expect(await emailCount(w.tenantId, 'suspended')).toBe(0);
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');
  });

  it('paying a workspace suspended at day 14 reactivates it and sends the cancel event', async () => {
    const w = await payingWorkspace();
    const event = await startOnInngest(w, new Date());
    await new InngestTestEngine({ function: billingDunningFunction, transformCtx: withMockedSleeps([]) }).execute({ events: [{ name: event.name, data: event.data }] });
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('suspended');
    sent.length = 0;
    await stopDunning({ tenantId: w.tenantId, invoiceId: w.invoiceId });
    expect((await db.tenant.findUnique({ where: { id: w.tenantId } }))?.status).toBe('active');
    expect(sent.map((e) => e.name)).toEqual([INVOICE_PAID_EVENT]);
  });

  it('a step sent as a billing.dunning_step job runs the same service', async () => {
    const w = await payingWorkspace();
    await db.billingAccount.update({ where: { tenantId: w.tenantId }, data: { unpaidInvoiceId: w.invoiceId, pastDueSince: new Date() } });
    const data = { tenantId: w.tenantId, invoiceId: w.invoiceId, step: 'day3' };
    const run = () => new InngestTestEngine({ function: billingDunningStepFunction, transformCtx: withMockedSleeps([]) }).execute({ events: [{ name: 'billing.dunning_step', data }] });
    expect((await run()).result).toEqual({ outcome: 'sent', step: 'day3', recipients: 2 });
    // Delivered again (Inngest runs at least once): nothing is sent twice.
    expect((await run()).result).toEqual({ outcome: 'already_sent', step: 'day3' });
    expect(await emailCount(w.tenantId, 'day3')).toBe(2);
  });
});

describe('the usage reset function on Inngest', () => {
  it('runs resetUsagePeriods in its reset step, hourly', async () => {
    const t = new InngestTestEngine({ function: billingResetUsageFunction, transformCtx: withMockedSleeps([]) });
    const { result, ctx } = await t.execute({ events: [{ name: 'billing.reset_usage', data: {} }] });
    expect(result).toEqual({ closed: 2, opened: 1, extended: 0 });
    expect(ctx.step.run).toHaveBeenCalledWith('reset', expect.any(Function));
    expect(resetUsagePeriods).toHaveBeenCalledWith(expect.any(Date));
    const opts = (billingResetUsageFunction as unknown as { opts: { triggers?: unknown[] } }).opts;
    expect(opts.triggers).toEqual([{ cron: 'TZ=UTC 5 * * * *' }, { event: 'billing.reset_usage' }]);
  });
});
