import { sendNotification } from '../lib/integrations/notifications/send-notification.ts';
import { runWeeklyDigests } from '../lib/integrations/notifications/weekly-digest.ts';
import { JOBS, type JobPayloads } from '../lib/jobs/job-types.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Slack and Teams notifications (lib/integrations/notifications): the same functions the
// PostgreSQL queue runs (lib/jobs/start.ts). A message is claimed before it is sent, so a
// repeated run sends nothing twice.
export const integrationsNotifyFunction = inngest.createFunction(
  { id: 'integrations-notify', retries: inngestRetries('integrations.notify') },
  { event: 'integrations.notify' },
  async ({ event, step, attempt }) =>
    step.run('send', () => withRetrySchedule('integrations.notify', attempt, () => sendNotification((event.data as JobPayloads['integrations.notify']).messageId))),
);

export const integrationsWeeklyDigestFunction = inngest.createFunction(
  { id: 'integrations-weekly-digest', retries: inngestRetries('integrations.weekly_digest') },
  [{ cron: `TZ=UTC ${JOBS['integrations.weekly_digest'].cron}` }, { event: 'integrations.weekly_digest' }],
  async ({ step, attempt }) => step.run('digest', () => withRetrySchedule('integrations.weekly_digest', attempt, () => runWeeklyDigests(new Date()))),
);
