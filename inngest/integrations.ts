import { refreshDueConnections } from '../lib/integrations/connections.ts';
import { runSync, scheduleDueSyncs } from '../lib/integrations/sync-runner.ts';
import { JOBS, type JobPayloads } from '../lib/jobs/job-types.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// First-party integrations (lib/integrations): the same functions the PostgreSQL queue runs
// (lib/jobs/start.ts). A sync keeps to one at a time per connection by its own lease, so the
// Inngest concurrency key only spares the workers a wasted start.
export const integrationsSyncFunction = inngest.createFunction(
  { id: 'integrations-sync', retries: inngestRetries('integrations.sync'), concurrency: { key: 'event.data.connectionId', limit: 1 } },
  { event: 'integrations.sync' },
  async ({ event, step, attempt }) => step.run('sync', () => withRetrySchedule('integrations.sync', attempt, () => runSync(event.data as JobPayloads['integrations.sync']))),
);

export const integrationsRefreshTokensFunction = inngest.createFunction(
  { id: 'integrations-refresh-tokens', retries: inngestRetries('integrations.refresh_tokens') },
  [{ cron: `TZ=UTC ${JOBS['integrations.refresh_tokens'].cron}` }, { event: 'integrations.refresh_tokens' }],
  async ({ step, attempt }) => step.run('refresh', () => withRetrySchedule('integrations.refresh_tokens', attempt, () => refreshDueConnections(new Date()))),
);

export const integrationsScheduleSyncsFunction = inngest.createFunction(
  { id: 'integrations-schedule-syncs', retries: inngestRetries('integrations.schedule_syncs') },
  [{ cron: `TZ=UTC ${JOBS['integrations.schedule_syncs'].cron}` }, { event: 'integrations.schedule_syncs' }],
  async ({ step, attempt }) => step.run('schedule', () => withRetrySchedule('integrations.schedule_syncs', attempt, () => scheduleDueSyncs(new Date()))),
);
