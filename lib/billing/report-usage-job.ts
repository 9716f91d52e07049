import { releaseEndedAppItems } from '../marketplace/app-billing.ts';
import { reportAppUsage } from '../marketplace/app-usage-report.ts';
import { reportUsage } from './report-usage.ts';

// The billing.report_usage job: the plans' overage, the paid apps' usage, and the add-on items
// of uninstalled apps that Stripe failed to delete at the time. Each part runs even when
// another failed; the job fails (and is retried on schedule) if any did.
export async function runUsageReports(): Promise<{ plans: Awaited<ReturnType<typeof reportUsage>> | null; apps: Awaited<ReturnType<typeof reportAppUsage>> | null; releasedItems: number }> {
  const [plans, apps, released] = await Promise.allSettled([reportUsage(), reportAppUsage(), releaseEndedAppItems()]);
  const failed = [plans, apps, released].filter((r) => r.status === 'rejected');
  if (failed.length) throw new Error(failed.map((r) => String((r as PromiseRejectedResult).reason)).join('; '));
  return { plans: plans.status === 'fulfilled' ? plans.value : null, apps: apps.status === 'fulfilled' ? apps.value : null, releasedItems: released.status === 'fulfilled' ? released.value : 0 };
}
