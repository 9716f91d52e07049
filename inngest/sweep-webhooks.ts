import { JOBS } from '../lib/jobs/job-types.ts';
import { sweepDeliveries } from '../lib/webhooks/sweep-deliveries.ts';
import { inngest } from './client.ts';
import { inngestRetries } from './retry-schedule.ts';

export const sweepWebhooksFunction = inngest.createFunction(
  { id: 'webhooks-sweep', retries: inngestRetries('webhooks.sweep') },
  [{ cron: `TZ=UTC ${JOBS['webhooks.sweep'].cron}` }, { event: 'webhooks.sweep' }],
  async ({ step }) => step.run('sweep', () => sweepDeliveries()),
);
