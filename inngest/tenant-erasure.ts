import { JOBS } from '../lib/jobs/job-types.ts';
import { eraseScheduledTenants } from '../lib/platform/tenant-erasure.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Daily: erases the workspaces whose 30 days' grace after "schedule deletion" are over.
export const tenantErasureFunction = inngest.createFunction(
  { id: 'tenants-erase-scheduled', retries: inngestRetries('tenants.erase_scheduled'), concurrency: { limit: 1 } },
  [{ cron: `TZ=UTC ${JOBS['tenants.erase_scheduled'].cron}` }, { event: 'tenants.erase_scheduled' }],
  async ({ step, attempt }) => step.run('erase', () => withRetrySchedule('tenants.erase_scheduled', attempt, () => eraseScheduledTenants(new Date()))),
);
