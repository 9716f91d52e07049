import { randomUUID } from 'node:crypto';
import { db } from '../db/client.ts';

// Usage meters per workspace and billing period (UsagePeriod). The period is the Stripe
// subscription's current period while there is one, else the calendar month (UTC). Counting
// is one INSERT … ON CONFLICT DO UPDATE SET value = value + n: atomic, so concurrent
// increments (several app instances flushing their request logs) never lose one.
//
// The monthly usage reset (lib/billing/usage-reset*.ts) closes ended periods and opens the
// next ones; it must open them at billingPeriod()'s boundaries so the counting here and the
// reset agree on (tenantId, metric, periodStart).

export const API_REQUESTS = 'api_requests';

export interface Period {
  start: Date;
  /** Exclusive. */
  end: Date;
}

/** What billingPeriod() needs from BillingAccount. */
export interface SubscriptionPeriod {
  stripeSubscriptionId: string | null;
  subscriptionStatus: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
}

/** Subscription states in which the subscription's period is the billing period. */
const PERIOD_STATUSES = new Set(['trialing', 'active', 'past_due', 'unpaid']);

export function calendarMonth(at: Date): Period {
  return { start: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)), end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) };
}

/** `anchor` moved by `months` calendar months, the day clamped to the month's last (as Stripe does). */
export function addMonths(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(anchor.getUTCDate(), lastDay), anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()));
}

/**
 * The billing period `at` falls in. With a subscription: its current period, or — when `at`
 * is outside it because Stripe's renewal has not reached us yet (or a late write belongs to
 * the previous one) — the monthly period next to it, which is what Stripe's renewal will say.
 */
export function billingPeriod(account: SubscriptionPeriod | null, at: Date): Period {
  if (!account?.stripeSubscriptionId || !account.subscriptionStatus || !PERIOD_STATUSES.has(account.subscriptionStatus) || !account.currentPeriodStart || !account.currentPeriodEnd) {
    return calendarMonth(at);
  }
  const { currentPeriodStart: start, currentPeriodEnd: end } = account;
  if (at >= start && at < end) return { start, end };
  // Stripe starts the next period exactly where the current one ends (and the previous one
  // ended where it starts): the row's key (periodStart) is then the one the renewal will give.
  if (at >= end && at < addMonths(end, 1)) return { start: end, end: addMonths(end, 1) };
  if (at < start && at >= addMonths(start, -1)) return { start: addMonths(start, -1), end: start };
  // Months away from what Stripe last told us: its webhooks are not arriving; count by month.
  return calendarMonth(at);
}

async function accountOf(tenantId: string): Promise<SubscriptionPeriod | null> {
  return db.billingAccount.findUnique({
    where: { tenantId },
    select: { stripeSubscriptionId: true, subscriptionStatus: true, currentPeriodStart: true, currentPeriodEnd: true },
  });
}

/** The workspace's billing period at `at`. */
export async function currentPeriod(tenantId: string, at = new Date()): Promise<Period> {
  return billingPeriod(await accountOf(tenantId), at);
}

/** Adds n to the workspace's meter for the period `at` falls in (creating the period's row); `tx` to do it in a transaction. */
export async function incrementUsage(tenantId: string, metric: string, n: number, at = new Date(), tx: { $executeRaw: typeof db.$executeRaw } = db): Promise<void> {
  if (n <= 0) return;
  const { start, end } = await currentPeriod(tenantId, at);
  await tx.$executeRaw`
    INSERT INTO "UsagePeriod" (id, "tenantId", metric, "periodStart", "periodEnd", value, "updatedAt")
    VALUES (${randomUUID()}, ${tenantId}, ${metric}, ${start}, ${end}, ${n}, now())
    ON CONFLICT ("tenantId", metric, "periodStart") DO UPDATE SET value = "UsagePeriod".value + EXCLUDED.value, "updatedAt" = now()`;
}

export interface PeriodUsage extends Period {
  value: number;
  reportedValue: number;
}

/** The meter's value in the period `at` falls in (0 before its first increment). */
export async function usageAt(tenantId: string, metric: string, at = new Date()): Promise<PeriodUsage> {
  const period = await currentPeriod(tenantId, at);
  const row = await db.usagePeriod.findUnique({
    where: { tenantId_metric_periodStart: { tenantId, metric, periodStart: period.start } },
    select: { value: true, reportedValue: true },
  });
  return { ...period, value: row?.value ?? 0, reportedValue: row?.reportedValue ?? 0 };
}
