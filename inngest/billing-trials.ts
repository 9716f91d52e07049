import { runTrials } from '../lib/billing/trials.ts';
import { JOBS } from '../lib/jobs/job-types.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Hourly: trial reminders (once per workspace) and the fall back to free of trials that ended (safe to run twice).
export const billingTrialsFunction = inngest.createFunction(
  { id: 'billing-trials', retries: inngestRetries('billing.trials') },
  [{ cron: `TZ=UTC ${JOBS['billing.trials'].cron}` }, { event: 'billing.trials' }],
  async ({ step, attempt }) => step.run('trials', () => withRetrySchedule('billing.trials', attempt, () => runTrials(new Date()))),
);
