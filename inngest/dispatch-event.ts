import { dispatchEvent } from '../lib/jobs/dispatch-event.ts';
import type { JobPayloads } from '../lib/jobs/job-types.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

export const dispatchEventFunction = inngest.createFunction(
  { id: 'event-dispatch', retries: inngestRetries('event.dispatch') },
  { event: 'event.dispatch' },
  async ({ event, step, attempt }) => {
    const { eventId } = event.data as JobPayloads['event.dispatch'];
    const dispatched = await step.run('dispatch', () => withRetrySchedule('event.dispatch', attempt, () => dispatchEvent(eventId)));
    return { eventId, dispatched };
  },
);
