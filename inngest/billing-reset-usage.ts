import { resetUsagePeriods } from '../lib/billing/usage-reset.ts';
import { JOBS } from '../lib/jobs/job-types.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Hourly: closes the usage periods that have ended and opens the next ones (safe to run twice).
export const billingResetUsageFunction = inngest.createFunction(
  { id: 'billing-reset-usage', retries: inngestRetries('billing.reset_usage') },
  [{ cron: `TZ=UTC ${JOBS['billing.reset_usage'].cron}` }, { event: 'billing.reset_usage' }],
  async ({ step, attempt }) => step.run('reset', () => withRetrySchedule('billing.reset_usage', attempt, () => resetUsagePeriods(new Date()))),
);
