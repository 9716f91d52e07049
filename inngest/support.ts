import { JOBS } from '../lib/jobs/job-types.ts';
import { closeResolvedTickets } from '../lib/support/ticket-summary.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Support tickets resolved REOPEN_WINDOW_DAYS ago close (lib/support): the same function the
// PostgreSQL queue runs (lib/jobs/start.ts); one UPDATE, safe to run twice.
export const supportCloseResolvedFunction = inngest.createFunction(
  { id: 'support-close-resolved', retries: inngestRetries('support.close_resolved') },
  [{ cron: `TZ=UTC ${JOBS['support.close_resolved'].cron}` }, { event: 'support.close_resolved' }],
  async ({ step, attempt }) => step.run('close', () => withRetrySchedule('support.close_resolved', attempt, () => closeResolvedTickets(new Date()))),
);
