import { JOBS, type JobPayloads } from '../lib/jobs/job-types.ts';
import { attemptDelivery } from '../lib/webhooks/attempt-delivery.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// One attempt per run; the delivery's own schedule sends the next attempt as a new event
// (delayed with `ts`), exactly as on pg-boss. Each lane is a function of its own, with the
// same lanes and send slots as on pg-boss (lib/webhooks/send-lane.ts).
export const deliverWebhookFunction = inngest.createFunction(
  { id: 'webhook-deliver', retries: inngestRetries('webhook.deliver') },
  { event: 'webhook.deliver' },
  async ({ event, step, attempt }) => {
    const payload = event.data as JobPayloads['webhook.deliver'];
    return step.run('attempt', () => withRetrySchedule('webhook.deliver', attempt, () => attemptDelivery(payload, { lane: 'fast' })));
  },
);

export const deliverWebhookSlowFunction = inngest.createFunction(
  { id: 'webhook-deliver-slow', retries: inngestRetries('webhook.deliver_slow'), concurrency: { limit: JOBS['webhook.deliver_slow'].concurrency ?? 1 } },
  { event: 'webhook.deliver_slow' },
  async ({ event, step, attempt }) => {
    const payload = event.data as JobPayloads['webhook.deliver_slow'];
    return step.run('attempt', () => withRetrySchedule('webhook.deliver_slow', attempt, () => attemptDelivery(payload, { lane: 'slow' })));
  },
);
