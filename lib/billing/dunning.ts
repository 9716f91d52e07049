import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { wantsEmail } from '../account/notification-preferences.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { sendEmail } from '../email/send-email.ts';
import { enqueue } from '../jobs/queue.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { dunningEmail } from './dunning-email.ts';
import { dunningStepDueAt, SCHEDULED_DUNNING_STEPS, type DunningStep } from './dunning-schedule.ts';
import { logger } from '../observability/logger.ts';

// Dunning: what happens when a workspace's invoice cannot be paid.
//
//   invoice.payment_failed ─► startDunning: BillingAccount.unpaidInvoiceId/pastDueSince, the
//                             day-0 email at once, and days 3, 7 and 14 scheduled
//   day 3, day 7           ─► reminder emails to the owners and the billing contacts
//   day 14                 ─► the workspace is suspended for non-payment (and told so)
//   invoice.paid           ─► stopDunning: the invoice is cleared, pending steps do nothing,
//                             and a workspace suspended for non-payment is reactivated
//
// Every step is runDunningStep(tenantId, invoiceId, step), run by the job
// 'billing.dunning_step' (lib/jobs/definitions/billing.ts): one delayed job per step, on
// pg-boss and Inngest alike (a delayed Inngest event). Paying cancels nothing: a step first
// checks, under a lock on the billing account, that its invoice is still the unpaid one, so a
// step that fires after the invoice was paid does nothing; then it records a DunningNotice,
// unique per (invoice, step), so a duplicated or retried step sends nothing twice.
//
// Inngest used to run the sequence as one function that slept between the steps
// ('billing-dunning', started by 'billing.dunning_started'). That function is gone: Inngest
// ends its runs still sleeping when the app no longer serves it, and if one ran a step anyway
// (an instance of the old code during a deploy), the step would find its notice already
// claimed, or claim it so that the delayed job finds it: the DunningNotice, not the runner,
// is what makes each step happen once. The steps of those invoices that had not run yet are
// scheduled again by the hourly catch-up (catchUpDunning).
//
// The schema has no "suspension reason" on Tenant: a DunningNotice with step "suspended" for
// the account's unpaid invoice is the record that *we* suspended the workspace, so paying
// reactivates only a workspace that dunning suspended, never one an operator suspended.

export type DunningStepResult =
  | { outcome: 'sent'; step: DunningStep; recipients: number }
  /** The invoice was paid (or another one is being dunned): nothing to do. */
  | { outcome: 'stopped'; step: DunningStep }
  /** This step already ran for this invoice. */
  | { outcome: 'already_sent'; step: DunningStep }
  /** Day 14 for a workspace that is already suspended or canceled for another reason. */
  | { outcome: 'skipped'; step: DunningStep; reason: string };

/** Invoice states that end its dunning for good (written by the Stripe webhook). */
const SETTLED = new Set(['paid', 'void']);

interface AccountRow {
  unpaidInvoiceId: string | null;
  pastDueSince: Date | null;
}

/** The billing account's dunning fields, locked until the transaction ends (created if missing). */
async function lockAccount(tx: Prisma.TransactionClient, tenantId: string, create: boolean): Promise<AccountRow | null> {
  if (create) {
    await tx.$executeRaw`INSERT INTO "BillingAccount" ("tenantId", "updatedAt") VALUES (${tenantId}, now()) ON CONFLICT ("tenantId") DO NOTHING`;
  }
  const [row] = await tx.$queryRaw<AccountRow[]>`
    SELECT "unpaidInvoiceId", "pastDueSince" FROM "BillingAccount" WHERE "tenantId" = ${tenantId} FOR UPDATE`;
  return row ?? null;
}

/**
 * On invoice.payment_failed. Idempotent: the same invoice failing again (Stripe retries the
 * charge) keeps the original clock and sends nothing twice. While one invoice is being dunned,
 * another failing invoice does not restart the clock ("other_invoice"); if the first is paid
 * while the second is still open, Stripe's next failed retry of the second starts a sequence
 * for it. An invoice the webhook already saw paid or voided (StripeInvoice) is never dunned
 * ("settled"), even when its payment landed between the failure's effects and this call.
 */
export async function startDunning({ tenantId, invoiceId, at }: { tenantId: string; invoiceId: string; at: Date }): Promise<'dunning' | 'other_invoice' | 'settled'> {
  const since = await db.$transaction(async (tx) => {
    const account = await lockAccount(tx, tenantId, true);
    if (!account) throw new Error(`billing: no billing account for tenant ${tenantId}`);
    const invoice = await tx.stripeInvoice.findUnique({ where: { id: invoiceId }, select: { status: true } });
    if (invoice && SETTLED.has(invoice.status)) return 'settled' as const;
    if (account.unpaidInvoiceId === invoiceId) return account.pastDueSince ?? at;
    if (account.unpaidInvoiceId) return 'other_invoice' as const;
    await tx.billingAccount.update({ where: { tenantId }, data: { unpaidInvoiceId: invoiceId, pastDueSince: at } });
    await recordAudit(tx, { tenantId, actor: null, action: 'billing.dunning_started', target: { type: 'invoice', id: invoiceId }, metadata: { pastDueSince: at.toISOString() } });
    return at;
  });
  if (!(since instanceof Date)) {
    logger().info({ tenantId, invoiceId, reason: since }, 'billing: failed invoice not dunned');
    return since;
  }
  // Scheduled before day 0 runs, and again on every repeat (keyed, so a no-op): a crash
  // between the two never leaves a sequence without its later steps.
  await scheduleDunning({ tenantId, invoiceId, since });
  await runDunningStep(tenantId, invoiceId, 'day0');
  return 'dunning';
}

async function scheduleDunning({ tenantId, invoiceId, since }: { tenantId: string; invoiceId: string; since: Date }): Promise<void> {
  for (const step of SCHEDULED_DUNNING_STEPS) {
    const delaySeconds = Math.ceil((dunningStepDueAt(since, step).getTime() - Date.now()) / 1000);
    await enqueue('billing.dunning_step', { tenantId, invoiceId, step }, { singletonKey: dunningJobKey(invoiceId, step), startAfterSeconds: Math.max(0, delaySeconds) });
  }
}

/** The singleton key of a step's pg-boss job: one job per invoice and step. */
export function dunningJobKey(invoiceId: string, step: DunningStep): string {
  return `${invoiceId}:${step}`;
}

/**
 * On invoice.paid (with its id), or with no invoice id when billing stops altogether (e.g.
 * the subscription is deleted): clears the unpaid invoice, so pending steps do nothing, and
 * reactivates the workspace if dunning suspended it. An invoice other than the unpaid one
 * being paid changes nothing.
 */
export async function stopDunning({ tenantId, invoiceId }: { tenantId: string; invoiceId?: string }): Promise<void> {
  const reactivated = await db.$transaction(async (tx) => {
    const account = await lockAccount(tx, tenantId, false);
    const unpaid = account?.unpaidInvoiceId;
    if (!unpaid || (invoiceId !== undefined && invoiceId !== unpaid)) return false;
    await tx.billingAccount.update({ where: { tenantId }, data: { unpaidInvoiceId: null, pastDueSince: null } });
    const suspendedByDunning = await tx.dunningNotice.findUnique({ where: { invoiceId_step: { invoiceId: unpaid, step: 'suspended' } }, select: { id: true } });
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
    const reactivate = suspendedByDunning !== null && tenant?.status === 'suspended';
    if (reactivate) {
      await tx.tenant.update({ where: { id: tenantId }, data: { status: 'active' } });
      await recordAudit(tx, { tenantId, actor: null, action: 'tenant.reactivated', target: { type: 'tenant', id: tenantId }, metadata: { reason: 'payment_received', invoiceId: unpaid } });
      await notifyTenantChanged(tx);
    }
    await recordAudit(tx, { tenantId, actor: null, action: 'billing.dunning_stopped', target: { type: 'invoice', id: unpaid }, metadata: { paid: invoiceId !== undefined } });
    return reactivate;
  });
  if (reactivated) clearLocalTenantCache();
}

/**
 * One step of the sequence: exactly once per invoice and step, and only while the invoice is
 * still the unpaid one. Day 14 suspends the workspace (unless something else already did).
 */
export async function runDunningStep(tenantId: string, invoiceId: string, step: DunningStep): Promise<DunningStepResult> {
  const claimed = await db.$transaction(async (tx): Promise<DunningStepResult | { since: Date }> => {
    const account = await lockAccount(tx, tenantId, false);
    if (!account || account.unpaidInvoiceId !== invoiceId) return { outcome: 'stopped', step };
    const since = account.pastDueSince ?? new Date();
    if (step === 'suspended') {
      const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
      if (!tenant) return { outcome: 'stopped', step };
      // Not ours to suspend (an operator did, or the workspace is closed), so no "suspended"
      // notice either: paying must not reactivate it.
      if (tenant.status === 'suspended' || tenant.status === 'canceled') return { outcome: 'skipped', step, reason: `workspace already ${tenant.status}` };
    }
    const { count } = await tx.dunningNotice.createMany({ data: [{ tenantId, invoiceId, step }], skipDuplicates: true });
    if (count === 0) return { outcome: 'already_sent', step };
    if (step === 'suspended') {
      await tx.tenant.update({ where: { id: tenantId }, data: { status: 'suspended' } });
      await recordAudit(tx, {
        tenantId,
        actor: null,
        action: 'tenant.suspended',
        target: { type: 'tenant', id: tenantId },
        metadata: { reason: 'non_payment', invoiceId, pastDueSince: since.toISOString() },
      });
      await notifyTenantChanged(tx);
    }
    return { since };
  });
  if (!('since' in claimed)) return claimed;
  if (step === 'suspended') clearLocalTenantCache();

  try {
    const recipients = await sendDunningEmails(tenantId, step, claimed.since);
    return { outcome: 'sent', step, recipients };
  } catch (error) {
    if (step === 'suspended') {
      // The suspension stands (and its notice marks it as ours); only the email is lost.
      logger().error({ err: error, tenantId, invoiceId, step }, 'billing: workspace suspended, but the email about it could not be sent');
      return { outcome: 'sent', step, recipients: 0 };
    }
    // The emails could not be stored (the database failed): forget the notice, so the retry
    // of this step sends them.
    await db.dunningNotice.deleteMany({ where: { invoiceId, step } });
    throw error;
  }
}

/**
 * The safety net behind the delayed steps (the hourly job 'billing.dunning_catch_up'): for each
 * invoice being dunned, runs its latest step that is due and has not run. It catches a step
 * whose job was lost, and the sequences that Inngest was sleeping through when dunning became
 * delayed jobs. Each step still runs once (runDunningStep), however the two meet. Tests scope
 * it to their workspaces with `tenantIds`.
 */
export async function catchUpDunning(now = new Date(), options: { tenantIds?: string[] } = {}): Promise<DunningStepResult[]> {
  const accounts = await db.billingAccount.findMany({
    where: { unpaidInvoiceId: { not: null }, pastDueSince: { not: null }, ...(options.tenantIds ? { tenantId: { in: options.tenantIds } } : {}) },
    select: { tenantId: true, unpaidInvoiceId: true, pastDueSince: true },
  });
  const ran: DunningStepResult[] = [];
  let failed = 0;
  for (const { tenantId, unpaidInvoiceId: invoiceId, pastDueSince } of accounts) {
    if (!invoiceId || !pastDueSince) continue;
    const step = SCHEDULED_DUNNING_STEPS.filter((candidate) => dunningStepDueAt(pastDueSince, candidate) <= now).at(-1);
    if (!step) continue;
    if (await db.dunningNotice.findUnique({ where: { invoiceId_step: { invoiceId, step } }, select: { id: true } })) continue;
    try {
      ran.push(await runDunningStep(tenantId, invoiceId, step));
    } catch (error) {
      // One workspace failing must not hold up the others; the job's retry runs it again.
      failed += 1;
      logger().error({ err: error, tenantId, invoiceId, step }, 'billing: dunning catch-up step failed');
    }
  }
  if (failed > 0) throw new Error(`billing: ${failed} dunning catch-up step(s) failed`);
  return ran;
}

const SIMPLE_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/;

/** One recipient of billing mail, with the locale their email is written in (null: the workspace's). */
export interface BillingRecipient {
  email: string;
  locale: string | null;
}

/**
 * The workspace's owners and its billing contacts, each once. Owners who turned payment
 * reminders off (Account › Notifications) are left out of the reminders, never out of the
 * suspension notice; billing contacts are there to get them and always do. An owner reads
 * their own language (their membership's locale); a billing contact, the workspace's.
 */
export async function billingRecipients(tenantId: string, step: DunningStep = 'suspended'): Promise<BillingRecipient[]> {
  const [owners, account] = await Promise.all([
    db.membership.findMany({ where: { tenantId, role: 'owner' }, select: { locale: true, emailPreferences: true, user: { select: { email: true } } } }),
    db.billingAccount.findUnique({ where: { tenantId }, select: { billingEmails: true } }),
  ]);
  const reminded = step === 'suspended' ? owners : owners.filter((owner) => wantsEmail(owner.emailPreferences, 'billing_reminders'));
  const all = [...reminded.map((owner) => ({ email: owner.user.email, locale: owner.locale })), ...(account?.billingEmails ?? []).map((email) => ({ email, locale: null }))];
  const seen = new Set<string>();
  const out: BillingRecipient[] = [];
  for (const recipient of all) {
    const email = recipient.email.trim().toLowerCase();
    if (seen.has(email) || !SIMPLE_ADDRESS.test(email)) continue;
    seen.add(email);
    out.push({ email, locale: recipient.locale });
  }
  return out;
}

/** The addresses of billingRecipients. */
export async function dunningRecipients(tenantId: string, step: DunningStep = 'suspended'): Promise<string[]> {
  return (await billingRecipients(tenantId, step)).map((recipient) => recipient.email);
}

async function sendDunningEmails(tenantId: string, step: DunningStep, since: Date): Promise<number> {
  const tenant = await loadTenantById(tenantId);
  if (!tenant) return 0;
  const recipients = await billingRecipients(tenantId, step);
  for (const recipient of recipients) {
    const content = await dunningEmail({ tenant, step, suspendAt: dunningStepDueAt(since, 'suspended'), ...emailLocaleFor(tenant, recipient) });
    await sendEmail({ tenant, to: recipient.email, kind: `billing_dunning_${step}`, ...content });
  }
  return recipients.length;
}

/**
 * Whether the workspace is suspended for non-payment, for the "account suspended" page (whose
 * owners may still pay): dunning suspended it (its unpaid invoice reached day 14), or the Stripe
 * webhook did because the subscription became "unpaid" (lib/billing/stripe-webhook.ts).
 */
export async function isSuspendedForNonPayment(tenantId: string): Promise<boolean> {
  const account = await db.billingAccount.findUnique({ where: { tenantId }, select: { unpaidInvoiceId: true, subscriptionStatus: true, tenant: { select: { status: true } } } });
  if (!account || account.tenant.status !== 'suspended') return false;
  if (account.subscriptionStatus === 'unpaid') return true;
  if (!account.unpaidInvoiceId) return false;
  const notice = await db.dunningNotice.findUnique({ where: { invoiceId_step: { invoiceId: account.unpaidInvoiceId, step: 'suspended' } }, select: { id: true } });
  return notice !== null;
}
