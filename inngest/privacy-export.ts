import type { JobPayloads } from '../lib/jobs/job-types.ts';
import { runExport } from '../lib/privacy/export.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// A member asked for their data (or an owner for the workspace's): build the ZIP and email them.
export const privacyExportFunction = inngest.createFunction(
  { id: 'privacy-export', retries: inngestRetries('privacy.export'), concurrency: { limit: 2 } },
  { event: 'privacy.export' },
  async ({ event, step, attempt }) => {
    const { exportId } = event.data as JobPayloads['privacy.export'];
    return step.run('build', () => withRetrySchedule('privacy.export', attempt, () => runExport(exportId)));
  },
);
