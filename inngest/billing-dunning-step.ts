import { runDunningStep } from '../lib/billing/dunning.ts';
import type { JobPayloads } from '../lib/jobs/job-types.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// One dunning step sent as a job (enqueue('billing.dunning_step')), so the job behaves the
// same on both queues. startDunning itself uses the sleeping sequence (billing-dunning.ts) on
// Inngest; this runs a step enqueued by hand, e.g. to re-run one after an incident.
export const billingDunningStepFunction = inngest.createFunction(
  { id: 'billing-dunning-step', retries: inngestRetries('billing.dunning_step') },
  { event: 'billing.dunning_step' },
  async ({ event, step, attempt }) => {
    const { tenantId, invoiceId, step: dunningStep } = event.data as JobPayloads['billing.dunning_step'];
    return step.run(dunningStep, () => withRetrySchedule('billing.dunning_step', attempt, () => runDunningStep(tenantId, invoiceId, dunningStep)));
  },
);
