import { JOBS } from '../lib/jobs/job-types.ts';
import { relayOutbox } from '../lib/jobs/relay-outbox.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// The cron is the safety net behind the outbox trigger (lib/jobs/outbox-listener.ts); the
// 'events.relay' event runs a relay on demand.
export const relayOutboxFunction = inngest.createFunction(
  { id: 'events-relay', retries: inngestRetries('events.relay') },
  [{ cron: `TZ=UTC ${JOBS['events.relay'].cron}` }, { event: 'events.relay' }],
  async ({ step, attempt }) => step.run('relay', () => withRetrySchedule('events.relay', attempt, () => relayOutbox())),
);
