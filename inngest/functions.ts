import { NonRetriableError } from 'inngest';
import { InvalidJobPayloadError, parseJobPayload, type JobDefinition } from '../lib/jobs/define-job.ts';
import { JOB_DEFINITIONS } from '../lib/jobs/jobs.ts';
import { inngest } from './client.ts';
import { withRetrySchedule } from './retry-schedule.ts';

// The Inngest functions are generated from the job definitions (lib/jobs/jobs.ts), as the
// pg-boss workers are (lib/jobs/start.ts): one function per job, triggered by an event named
// like the job (what enqueue sends) and, for periodic jobs, by its cron. Each runs the job in
// one step, with the definition's retries on its delay schedule.

type InngestRetries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;

/** The function id: the job's name with dashes ('webhook.deliver_slow' → 'webhook-deliver-slow'); ids must not change, or Inngest loses runs in flight. */
export function inngestFunctionId(name: string): string {
  return name.replace(/[._]/g, '-');
}

/** Inngest's concurrency for the job: its limit for the app, and its fairness key's limit per key. */
export function inngestConcurrency({ concurrency = 1, fairness }: JobDefinition): { limit: number; key?: string }[] {
  return [{ limit: concurrency }, ...(fairness ? [{ key: `event.data.${fairness.key}`, limit: fairness.limit }] : [])];
}

export function inngestTriggers({ name, cron }: JobDefinition): ({ event: string } | { cron: string })[] {
  return cron ? [{ cron: `TZ=UTC ${cron}` }, { event: name }] : [{ event: name }];
}

function inngestFunction(definition: JobDefinition) {
  const [limit, perKey] = inngestConcurrency(definition);
  return inngest.createFunction(
    {
      id: inngestFunctionId(definition.name),
      // defineJob allows 0 to 20, as Inngest does.
      retries: definition.retry.retries as InngestRetries,
      concurrency: perKey ? [limit, perKey] : limit,
    },
    inngestTriggers(definition),
    async ({ event, step, attempt }) => {
      let payload;
      try {
        payload = parseJobPayload(definition, event.data);
      } catch (error) {
        if (error instanceof InvalidJobPayloadError) throw new NonRetriableError(error.message, { cause: error });
        throw error;
      }
      // A wait set aside frees a pg-boss worker; Inngest holds no worker of ours to free.
      const aside = <R>(promise: Promise<R>) => promise;
      return step.run(definition.name, () => withRetrySchedule(definition.retry, attempt, () => definition.run(payload, { attempt, aside })));
    },
  );
}

/** Every Inngest function of the app, served at /api/inngest: one per job definition, in their order. */
export const functions = JOB_DEFINITIONS.map(inngestFunction);
