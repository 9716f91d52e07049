import { z } from 'zod';
import type { JobName, JobPayloads } from './job-types.ts';

// One definition per job: its payload schema, schedule, retries, concurrency, fairness key
// and handler. Both runners are built from it (pg-boss workers in start.ts, Inngest functions
// in inngest/functions.ts), so a job cannot behave differently on one of them.

/**
 * `retries` attempts after the first; the n-th retry waits `delaysSeconds[n]` (the last
 * delay repeats when the list is shorter than `retries`).
 */
export interface RetryPolicy {
  retries: number;
  delaysSeconds: number[];
}

export interface JobContext {
  /** 0 for the first attempt. */
  attempt: number;
  /** Waits without holding one of the queue's workers (pg-boss; on Inngest it only waits). */
  aside<R>(promise: Promise<R>): Promise<R>;
}

export interface JobDefinition<N extends JobName = JobName> {
  name: N;
  /** Checked when the job is sent and again when it runs; a payload that fails it is never retried. */
  payload: z.ZodType<JobPayloads[N]>;
  retry: RetryPolicy;
  /** Five-field cron, UTC; a cron run has an empty payload. */
  cron?: string;
  /**
   * Attempts running at once (default 1): the workers of each pg-boss process; on Inngest, the
   * function's limit for the whole app (Inngest has no processes of ours to count).
   */
  concurrency?: number;
  /**
   * At most `limit` attempts at once for one value of the payload field `key` (a workspace, a
   * connection), so one of them cannot take every worker: an Inngest concurrency key, and on
   * pg-boss the same limit within each process (key-slots.ts).
   */
  fairness?: { key: string; limit: number };
  // Methods rather than function properties, so a definition of one job is also a JobDefinition.
  run(payload: JobPayloads[N], context: JobContext): Promise<unknown>;
}

/** The payload of a job that needs none (every cron job); Inngest's cron runs' data is dropped. */
export const noPayload = z.object({});

const INNGEST_MAX_RETRIES = 20;

/** `fairness.key` is checked here against the payload's fields (JobDefinition must not, or a job's definition would not be a JobDefinition). */
export function defineJob<N extends JobName>(definition: JobDefinition<N> & { fairness?: { key: keyof JobPayloads[N] & string } }): JobDefinition<N> {
  const { name, retry, concurrency = 1, fairness } = definition;
  // Checked at load, so a definition one runner cannot honour never ships.
  if (!Number.isInteger(retry.retries) || retry.retries < 0 || retry.retries > INNGEST_MAX_RETRIES) throw new Error(`jobs: ${name} has ${retry.retries} retries; allowed 0 to ${INNGEST_MAX_RETRIES}`);
  if (retry.retries > 0 && retry.delaysSeconds.length === 0) throw new Error(`jobs: ${name} retries without a delay`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`jobs: ${name} has concurrency ${concurrency}`);
  if (fairness && (!Number.isInteger(fairness.limit) || fairness.limit < 1 || fairness.limit > concurrency)) throw new Error(`jobs: ${name} has a fairness limit outside 1..${concurrency}`);
  return definition;
}

/** Seconds to wait before retry number `retry` (0-based) under `policy`. */
export function retryDelaySeconds(policy: RetryPolicy, retry: number): number {
  const { delaysSeconds } = policy;
  if (delaysSeconds.length === 0) return 0;
  return delaysSeconds[Math.min(retry, delaysSeconds.length - 1)];
}

/** A payload its job's schema refuses: a bug in whoever sent it, which no retry can fix. */
export class InvalidJobPayloadError extends Error {
  constructor(
    readonly job: JobName,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`jobs: invalid ${job} payload: ${issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidJobPayloadError';
  }
}

export function parseJobPayload<N extends JobName>(definition: JobDefinition<N>, data: unknown): JobPayloads[N] {
  const parsed = definition.payload.safeParse(data);
  if (!parsed.success) throw new InvalidJobPayloadError(definition.name, parsed.error.issues);
  return parsed.data;
}
