import type { JobPayloads } from '../lib/jobs/job-types.ts';
import { attemptDelivery } from '../lib/webhooks/attempt-delivery.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// One attempt per run; the delivery's own schedule sends the next attempt as a new event
// (delayed with `ts`), exactly as on pg-boss.
export const deliverWebhookFunction = inngest.createFunction(
  { id: 'webhook-deliver', retries: inngestRetries('webhook.deliver') },
  { event: 'webhook.deliver' },
  async ({ event, step, attempt }) => {
    const payload = event.data as JobPayloads['webhook.deliver'];
    return step.run('attempt', () => withRetrySchedule('webhook.deliver', attempt, () => attemptDelivery(payload)));
  },
);
