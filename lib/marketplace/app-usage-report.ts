import { FINAL_GRACE_MS, spansToReport } from '../billing/report-usage.ts';
import { getStripe } from '../billing/stripe-client.ts';
import { db } from '../db/client.ts';
import { logger } from '../observability/logger.ts';
import { hasUsage } from './pricing.ts';
import { pricingOf, PRICE_SELECT } from './version-pricing.ts';

// Usage of usage-priced apps, reported to each app's Stripe meter by the billing.report_usage
// job, exactly as the plan overage is (lib/billing/report-usage.ts): the app's calls in a
// workspace are the UsagePeriod of metric app_calls:<appId> (counted from the request log);
// spans of 1,000 calls above what the price includes (hybrid: includedCalls; usage: 0), each a
// meter event with identifier `${usagePeriodId}:${to}`, so a retried report sends the same
// identifiers and Stripe keeps the first; reportedValue only moves forward. Only installations
// billed through Stripe with a usage item are reported (the operator bills the others).

const MAX_AGE_MS = 30 * 24 * 60 * 60_000;

export interface AppUsageResult {
  periods: number;
  events: number;
  calls: number;
}

export async function reportAppUsage({ now = new Date() }: { now?: Date } = {}): Promise<AppUsageResult> {
  const stripe = getStripe();
  const result: AppUsageResult = { periods: 0, events: 0, calls: 0 };
  if (!stripe) return result;
  const candidates = await db.$queryRaw<{ id: string; tenantId: string; appId: string; customer: string; value: number; reportedValue: number; periodStart: Date; periodEnd: Date }[]>`
    SELECT up.id, up."tenantId", substring(up.metric from 11) AS "appId", ba."stripeCustomerId" AS customer, up.value, up."reportedValue", up."periodStart", up."periodEnd"
    FROM "UsagePeriod" up
    JOIN "BillingAccount" ba ON ba."tenantId" = up."tenantId"
    WHERE up.metric LIKE 'app\\_calls:%' AND up.value > up."reportedValue" AND ba."stripeCustomerId" IS NOT NULL
      AND up."periodEnd" > ${new Date(now.getTime() - MAX_AGE_MS)}
    ORDER BY up."periodEnd"`;
  const failures: unknown[] = [];
  for (const period of candidates) {
    // The Stripe-billed installation of the period (the latest, if it was reinstalled).
    const installation = await db.appInstallation.findFirst({
      where: { tenantId: period.tenantId, appId: period.appId, billedVia: 'stripe', installedAt: { lt: period.periodEnd }, OR: [{ uninstalledAt: null }, { uninstalledAt: { gt: period.periodStart } }] },
      orderBy: { installedAt: 'desc' },
      select: { versionId: true, app: { select: { stripeMeterEventName: true } } },
    });
    const eventName = installation?.app.stripeMeterEventName;
    if (!installation || !eventName) continue;
    const version = await db.appVersion.findUniqueOrThrow({ where: { id: installation.versionId }, select: PRICE_SELECT });
    const pricing = pricingOf(version);
    if (!hasUsage(pricing)) continue;
    const final = now.getTime() >= period.periodEnd.getTime() + FINAL_GRACE_MS;
    const spans = spansToReport({ value: period.value, reportedValue: period.reportedValue, included: pricing.includedCalls ?? 0, final });
    if (spans.length === 0) continue;
    result.periods++;
    const timestamp = Math.floor(Math.min(now.getTime(), period.periodEnd.getTime() - 1000) / 1000);
    try {
      for (const [from, to] of spans) {
        await stripe.billing.meterEvents.create({ event_name: eventName, identifier: `${period.id}:${to}`, timestamp, payload: { stripe_customer_id: period.customer, value: String(to - from) } });
        await db.$executeRaw`UPDATE "UsagePeriod" SET "reportedValue" = GREATEST("reportedValue", ${to}), "updatedAt" = now() WHERE id = ${period.id}`;
        result.events++;
        result.calls += to - from;
      }
    } catch (error) {
      logger().error({ err: error, tenantId: period.tenantId, usagePeriodId: period.id, appId: period.appId }, 'marketplace: reporting app usage to Stripe failed; the next run retries it');
      failures.push(error);
    }
  }
  if (failures.length) throw new Error(`app usage report: ${failures.length} period(s) failed; ${result.events} events sent`);
  return result;
}
