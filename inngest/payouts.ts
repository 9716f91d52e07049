import { approveDueCommissions } from '../lib/earnings/approve.ts';
import { JOBS } from '../lib/jobs/job-types.ts';
import { runPayouts } from '../lib/payouts/run-payouts.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Earnings and payouts of resellers and partners (lib/earnings, lib/payouts): the same service
// functions the PostgreSQL queue runs (lib/jobs/start.ts), on Inngest's cron. Both are safe to run twice.

export const earningsApproveFunction = inngest.createFunction(
  { id: 'earnings-approve', retries: inngestRetries('earnings.approve') },
  [{ cron: `TZ=UTC ${JOBS['earnings.approve'].cron}` }, { event: 'earnings.approve' }],
  async ({ step, attempt }) => step.run('approve', () => withRetrySchedule('earnings.approve', attempt, () => approveDueCommissions(new Date()))),
);

// One step: the payout run is idempotent (one payout per payee and month, Stripe transfers
// keyed by payout id), so a retried run picks up where the failed one stopped.
export const payoutsRunFunction = inngest.createFunction(
  { id: 'payouts-run', retries: inngestRetries('payouts.run') },
  [{ cron: `TZ=UTC ${JOBS['payouts.run'].cron}` }, { event: 'payouts.run' }],
  async ({ step, attempt }) => step.run('payouts', () => withRetrySchedule('payouts.run', attempt, () => runPayouts({ now: new Date() }))),
);
