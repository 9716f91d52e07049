import { DUNNING_STARTED_EVENT, INVOICE_PAID_EVENT, runDunningStep, type DunningStartedData, type DunningStepResult } from '../lib/billing/dunning.ts';
import { dunningStepDueAt, SCHEDULED_DUNNING_STEPS } from '../lib/billing/dunning-schedule.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// The dunning sequence of one unpaid invoice on Inngest: started by startDunning (which has
// already sent the day-0 email), it sleeps until day 3, day 7 and day 14 and runs each step.
// Paying the invoice sends 'billing.invoice_paid', which cancels the run; a step that wakes
// anyway (the event was lost, or arrived during the step) finds the invoice paid and stops.
// On pg-boss the same steps run as delayed 'billing.dunning_step' jobs instead.
export const billingDunningFunction = inngest.createFunction(
  {
    id: 'billing-dunning',
    retries: inngestRetries('billing.dunning_step'),
    cancelOn: [{ event: INVOICE_PAID_EVENT, if: 'async.data.tenantId == event.data.tenantId' }],
  },
  { event: DUNNING_STARTED_EVENT },
  async ({ event, step, attempt }) => {
    const { tenantId, invoiceId, since } = event.data as DunningStartedData;
    const results: DunningStepResult[] = [];
    for (const dunningStep of SCHEDULED_DUNNING_STEPS) {
      await step.sleepUntil(`wait-${dunningStep}`, dunningStepDueAt(new Date(since), dunningStep));
      const result = await step.run(dunningStep, () => withRetrySchedule('billing.dunning_step', attempt, () => runDunningStep(tenantId, invoiceId, dunningStep)));
      results.push(result);
      if (result.outcome === 'stopped') break;
    }
    return results;
  },
);
