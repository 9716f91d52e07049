import { JOBS } from '../lib/jobs/job-types.ts';
import { runAppHealth } from '../lib/partners/app-health.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Marketplace apps' health flags (lib/partners/app-health.ts) on Inngest's cron: the same run
// the PostgreSQL queue makes (lib/jobs/start.ts). One step: the run is idempotent.
export const partnersAppHealthFunction = inngest.createFunction(
  { id: 'partners-app-health', retries: inngestRetries('partners.app_health') },
  [{ cron: `TZ=UTC ${JOBS['partners.app_health'].cron}` }, { event: 'partners.app_health' }],
  async ({ step, attempt }) => step.run('measure', () => withRetrySchedule('partners.app_health', attempt, async () => {
    const run = await runAppHealth(new Date());
    return { measured: run.measured, raised: run.raised.length, cleared: run.cleared.length, notified: run.notified };
  })),
);
