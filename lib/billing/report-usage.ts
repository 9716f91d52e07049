import { db } from '../db/client.ts';
import { getPlan } from './plans.ts';
import { getStripe } from './stripe-client.ts';
import { API_REQUESTS } from './usage.ts';
import { logger } from '../observability/logger.ts';

// Overage of paid plans, reported to Stripe's meter events by the 'billing.report_usage' job
// (every 15 minutes). For each usage period of a workspace with a Stripe customer and a plan
// with a metered overage price, the requests beyond the plan's quota are sent as meter events
// and UsagePeriod.reportedValue moves to the position reported up to.
//
// A retried report never double-bills. Each meter event covers a fixed span of the period's
// count, (from, to], and its identifier is `${usagePeriodId}:${to}`. While a period is open,
// spans are whole blocks of BLOCK requests aligned on the quota (quota + 1,000, + 2,000, …), so
// the same block always gets the same identifier however much the count has grown since; the
// last, partial block is sent only once the period has ended and its count no longer moves.
// If Stripe got an event but we did not record it (a timeout, a crash before reportedValue
// moved), the retry sends the same identifier and Stripe keeps only the first.
//
// The Stripe meter (Billing → Meters) must use the event name METER_EVENT_NAME, sum the
// "value" payload key, and map customers by "stripe_customer_id"; the overage price
// (lookup key Plan.overageLookupKey) is per unit with "transform quantity: divide by 1000,
// round up", i.e. billed per 1,000 requests.
//
// The quota is the one of the plan in effect at the period's end (a workspace that moved
// from pro to basic at renewal is not billed, in its last pro period, for basic's smaller
// quota): the plan changes are in the audit log (billing.plan_changed, lib/billing/set-plan.ts).

export const METER_EVENT_NAME = 'waypoint_api_requests';
export const BLOCK = 1_000;
/** After a period's end, how long the request log may still be writing to it. */
export const FINAL_GRACE_MS = 10 * 60_000;
/** Stripe accepts meter events up to 35 days old; older periods are left alone. */
const MAX_AGE_MS = 30 * 24 * 60 * 60_000;
/** Per period and run: a large backlog is sent over several runs. */
const MAX_EVENTS_PER_PERIOD = 500;

export interface ReportUsageResult {
  periods: number;
  events: number;
  requests: number;
}

/** The spans to report now: (from, to] pairs, in order. */
export function spansToReport(input: { value: number; reportedValue: number; included: number; final: boolean; max?: number }): [number, number][] {
  const spans: [number, number][] = [];
  let from = Math.max(input.reportedValue, input.included);
  const max = input.max ?? MAX_EVENTS_PER_PERIOD;
  // Whole blocks, aligned on the quota (a reportedValue off the grid only follows a final partial block).
  while (spans.length < max) {
    const offset = (from - input.included) % BLOCK;
    const to = from + (offset === 0 ? BLOCK : BLOCK - offset);
    if (to > input.value) break;
    spans.push([from, to]);
    from = to;
  }
  if (input.final && spans.length < max && input.value > from) spans.push([from, input.value]);
  return spans;
}

/** The workspace's plan just before `at`, from its plan changes (the current plan if none is recorded). */
async function planAt(tenantId: string, at: Date, current: string): Promise<string> {
  const [before] = await db.$queryRaw<{ plan: string | null }[]>`
    SELECT metadata->>'to' AS plan FROM "AuditLog"
    WHERE "tenantId" = ${tenantId} AND action = 'billing.plan_changed' AND "createdAt" < ${at}
    ORDER BY "createdAt" DESC LIMIT 1`;
  if (before?.plan) return before.plan;
  const [after] = await db.$queryRaw<{ plan: string | null }[]>`
    SELECT metadata->>'from' AS plan FROM "AuditLog"
    WHERE "tenantId" = ${tenantId} AND action = 'billing.plan_changed' AND "createdAt" >= ${at}
    ORDER BY "createdAt" ASC LIMIT 1`;
  return after?.plan ?? current;
}

export async function reportUsage({ now = new Date() }: { now?: Date } = {}): Promise<ReportUsageResult> {
  const stripe = getStripe();
  const result: ReportUsageResult = { periods: 0, events: 0, requests: 0 };
  if (!stripe) return result;
  const candidates = await db.$queryRaw<{ id: string; tenantId: string; plan: string; customer: string; value: number; reportedValue: number; periodEnd: Date }[]>`
    SELECT up.id, up."tenantId", t.plan, ba."stripeCustomerId" AS customer, up.value, up."reportedValue", up."periodEnd"
    FROM "UsagePeriod" up
    JOIN "Tenant" t ON t.id = up."tenantId"
    JOIN "BillingAccount" ba ON ba."tenantId" = up."tenantId"
    WHERE up.metric = ${API_REQUESTS} AND up.value > up."reportedValue" AND ba."stripeCustomerId" IS NOT NULL
      AND up."periodEnd" > ${new Date(now.getTime() - MAX_AGE_MS)}
    ORDER BY up."periodEnd"`;
  const failures: unknown[] = [];
  for (const period of candidates) {
    const ended = period.periodEnd.getTime() <= now.getTime();
    const plan = await getPlan(ended ? await planAt(period.tenantId, period.periodEnd, period.plan) : period.plan);
    if (!plan.overageLookupKey) continue;
    const final = now.getTime() >= period.periodEnd.getTime() + FINAL_GRACE_MS;
    const spans = spansToReport({ value: period.value, reportedValue: period.reportedValue, included: plan.limits.apiRequestsPerMonth, final });
    if (spans.length === 0) continue;
    result.periods++;
    // Within the period, so Stripe bills it on the period's invoice.
    const timestamp = Math.floor(Math.min(now.getTime(), period.periodEnd.getTime() - 1000) / 1000);
    try {
      for (const [from, to] of spans) {
        await stripe.billing.meterEvents.create({
          event_name: METER_EVENT_NAME,
          identifier: `${period.id}:${to}`,
          timestamp,
          payload: { stripe_customer_id: period.customer, value: String(to - from) },
        });
        // Only forward: a slower concurrent run can never move it back.
        await db.$executeRaw`UPDATE "UsagePeriod" SET "reportedValue" = GREATEST("reportedValue", ${to}), "updatedAt" = now() WHERE id = ${period.id}`;
        result.events++;
        result.requests += to - from;
      }
    } catch (error) {
      logger().error({ err: error, tenantId: period.tenantId, usagePeriodId: period.id }, 'billing: reporting usage to Stripe failed; the next run retries it');
      failures.push(error);
    }
  }
  // The job fails (and is retried on its schedule) when a period could not be reported.
  if (failures.length) throw new Error(`usage report: ${failures.length} period(s) failed; ${result.events} events sent`);
  return result;
}
