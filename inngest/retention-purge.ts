import { JOBS } from '../lib/jobs/job-types.ts';
import { purgeExpired } from '../lib/retention/purge.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Daily: deletes what is past its retention window (safe to run twice: a row goes once).
export const retentionPurgeFunction = inngest.createFunction(
  { id: 'retention-purge', retries: inngestRetries('retention.purge'), concurrency: { limit: 1 } },
  [{ cron: `TZ=UTC ${JOBS['retention.purge'].cron}` }, { event: 'retention.purge' }],
  async ({ step, attempt }) => step.run('purge', () => withRetrySchedule('retention.purge', attempt, () => purgeExpired(new Date()))),
);
