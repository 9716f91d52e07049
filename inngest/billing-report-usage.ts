import { runUsageReports } from '../lib/billing/report-usage-job.ts';
import { JOBS } from '../lib/jobs/job-types.ts';
import { inngest } from './client.ts';
import { inngestRetries } from './retry-schedule.ts';

/** Paid plans' API overage to Stripe's meter events, every 15 minutes (lib/billing/report-usage.ts). */
export const billingReportUsageFunction = inngest.createFunction(
  { id: 'billing-report-usage', retries: inngestRetries('billing.report_usage'), concurrency: { limit: 1 } },
  [{ cron: `TZ=UTC ${JOBS['billing.report_usage'].cron}` }, { event: 'billing.report_usage' }],
  async ({ step }) => step.run('report', () => runUsageReports()),
);
