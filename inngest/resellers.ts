import { JOBS } from '../lib/jobs/job-types.ts';
import { approveDueCommissions } from '../lib/earnings/approve.ts';
import { runPayouts } from '../lib/resellers/payouts.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Reseller commissions and payouts (lib/resellers): the same service functions the PostgreSQL
// queue runs (lib/jobs/start.ts), on Inngest's cron. Both are safe to run twice.

export const resellersApproveCommissionsFunction = inngest.createFunction(
  { id: 'resellers-approve-commissions', retries: inngestRetries('resellers.approve_commissions') },
  [{ cron: `TZ=UTC ${JOBS['resellers.approve_commissions'].cron}` }, { event: 'resellers.approve_commissions' }],
  async ({ step, attempt }) => step.run('approve', () => withRetrySchedule('resellers.approve_commissions', attempt, () => approveDueCommissions(new Date()))),
);

// One step: the payout run is idempotent (one payout per reseller and month, Stripe transfers
// keyed by payout id), so a retried run picks up where the failed one stopped.
export const resellersPayoutsFunction = inngest.createFunction(
  { id: 'resellers-payouts', retries: inngestRetries('resellers.payouts') },
  [{ cron: `TZ=UTC ${JOBS['resellers.payouts'].cron}` }, { event: 'resellers.payouts' }],
  async ({ step, attempt }) => step.run('payouts', () => withRetrySchedule('resellers.payouts', attempt, () => runPayouts({ now: new Date() }))),
);
