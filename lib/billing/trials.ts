import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { formatDateTime } from '../email/format-date.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import type { EmailContent } from '../email/templates/email-content.ts';
import type { Language } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { logger } from '../observability/logger.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import { notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { billingRecipients } from './dunning.ts';
import { billingPageUrl } from './dunning-email.ts';
import { FREE_PLAN_ID, TRIAL } from './plan-catalog.ts';
import { DAY_MS, trialDaysLeft, trialExpired } from './trial-state.ts';

export { inTrial, newTrial, trialDaysLeft, trialExpired, trialOf, type TrialInfo } from './trial-state.ts';
import { getPlan } from './plans.ts';
import { applyPlan, planChangeCommitted } from './set-plan.ts';

// Trials: every new workspace gets TRIAL.days of TRIAL.planId (lib/billing/plan-catalog.ts).
//
//   created  ─► status "trial", plan = the trial's plan, trialEndsAt = now + days
//   N days before the end ─► one reminder email to the owners and billing contacts
//   the end  ─► the free plan (status "active"); nothing is deleted: what the free plan lacks
//               shows as a read-only preview until a plan is bought
//   bought   ─► Stripe's webhook (or the operator, by hand) sets the plan and status "active":
//               the trial is over and the job leaves the workspace alone
//
// The job is 'billing.trials' (hourly, pg-boss and Inngest alike: lib/jobs/definitions/billing.ts);
// both of its halves are idempotent. The reminder is claimed by
// setting Tenant.trialReminderSentAt where it is null, so two runs (or two runners) send it
// once. The end is decided under a lock on the tenant row. Entitlements do not wait for the
// job: a trial whose end has passed gets the free plan's entitlements at once (planOf).

/** The reminder, in the recipient's language and locale (lib/email/email-language.ts); the workspace's when absent. */
export async function trialReminderEmail(tenant: TenantContext, trial: { planName: string; endsAt: Date; daysLeft: number }, reader: { language?: Language; locale?: string } = {}): Promise<EmailContent> {
  const workspace = emailLocaleFor(tenant, null);
  const language = reader.language ?? workspace.language;
  const t = await translatorFor(language, tenant.branding);
  const values = { workspace: tenant.name, plan: trial.planName, days: trial.daysLeft, date: formatDateTime(trial.endsAt, tenant.timeZone, reader.locale ?? workspace.locale) };
  return notificationEmail({
    tenant,
    subject: t('email.trialReminder.subject', values),
    heading: t('email.trialReminder.heading', values),
    paragraphs: [t('email.trialReminder.endsOn', values), t('email.trialReminder.choose', values)],
    action: { label: t('email.trialReminder.action'), url: billingPageUrl(tenant) },
    footnote: t('email.trialReminder.footnote'),
    language,
  });
}

/**
 * Sends the reminder of every trial ending within TRIAL.remindDaysBefore days, once per
 * workspace. Returns the workspaces reminded.
 */
export async function sendTrialReminders(now = new Date()): Promise<string[]> {
  const horizon = new Date(now.getTime() + TRIAL.remindDaysBefore * DAY_MS);
  const due = await db.tenant.findMany({
    where: { status: 'trial', trialReminderSentAt: null, trialEndsAt: { gt: now, lte: horizon } },
    select: { id: true },
    take: 500,
  });
  const reminded: string[] = [];
  for (const { id } of due) {
    // The claim: whoever sets the marker sends the email; everyone else sees it set.
    const { count } = await db.tenant.updateMany({ where: { id, status: 'trial', trialReminderSentAt: null }, data: { trialReminderSentAt: now } });
    if (count === 0) continue;
    try {
      const tenant = await loadTenantById(id);
      if (!tenant?.trialEndsAt) continue;
      const plan = await getPlan(tenant.plan);
      const trial = { planName: plan.name, endsAt: tenant.trialEndsAt, daysLeft: trialDaysLeft(tenant.trialEndsAt, now) };
      for (const recipient of await billingRecipients(id)) {
        const content = await trialReminderEmail(tenant, trial, emailLocaleFor(tenant, recipient));
        await sendEmail({ tenant, to: recipient.email, kind: 'billing_trial_reminder', ...content });
      }
      reminded.push(id);
    } catch (error) {
      // Not stored: release the claim so the next run (or this job's retry) sends it.
      await db.tenant.updateMany({ where: { id, trialReminderSentAt: now }, data: { trialReminderSentAt: null } });
      throw error;
    }
  }
  return reminded;
}

const LIVE_SUBSCRIPTION = ['trialing', 'active', 'past_due'];

/**
 * Ends every trial whose end has passed: the free plan, unless a subscription is live (the
 * webhook that would have ended it is late), in which case the plan stays. Returns the
 * workspaces that fell back to free.
 */
export async function endExpiredTrials(now = new Date()): Promise<string[]> {
  const due = await db.tenant.findMany({ where: { status: 'trial', trialEndsAt: { lte: now } }, select: { id: true }, take: 500 });
  const fellBack: string[] = [];
  for (const { id } of due) {
    const outcome = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: string; trialEndsAt: Date | null; plan: string }[]>`
        SELECT status::text AS status, "trialEndsAt", plan FROM "Tenant" WHERE id = ${id} FOR UPDATE`;
      if (!row || !trialExpired(row, now)) return 'skipped' as const;
      const account = await tx.billingAccount.findUnique({ where: { tenantId: id }, select: { subscriptionStatus: true } });
      const subscribed = LIVE_SUBSCRIPTION.includes(account?.subscriptionStatus ?? '');
      if (!subscribed) await applyPlan(tx, id, FREE_PLAN_ID, { source: 'trial', actor: null, metadata: { reason: 'trial_ended' } });
      await tx.tenant.update({ where: { id }, data: { status: 'active' } });
      await recordAudit(tx, {
        tenantId: id,
        actor: null,
        action: 'billing.trial_ended',
        target: { type: 'tenant', id },
        metadata: { reason: subscribed ? 'subscribed' : 'expired', trialPlan: row.plan, plan: subscribed ? row.plan : FREE_PLAN_ID },
      });
      await notifyTenantChanged(tx);
      return subscribed ? ('kept' as const) : ('free' as const);
    });
    if (outcome === 'free') fellBack.push(id);
  }
  if (due.length) planChangeCommitted();
  return fellBack;
}

/** The hourly job: reminders first, then the trials that have ended. */
export async function runTrials(now = new Date()): Promise<{ reminded: number; ended: number }> {
  const reminded = await sendTrialReminders(now);
  const ended = await endExpiredTrials(now);
  if (reminded.length || ended.length) logger().info({ reminded: reminded.length, ended: ended.length }, 'billing: trials job ran');
  return { reminded: reminded.length, ended: ended.length };
}
