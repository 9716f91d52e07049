import { z } from 'zod';
import { attemptDelivery } from '../../webhooks/attempt-delivery.ts';
import { sweepDeliveries } from '../../webhooks/sweep-deliveries.ts';
import { defineJob, noPayload } from '../define-job.ts';

/**
 * Attempt number `attempt` (1-based) of one webhook delivery. Its schedule lives on the
 * delivery row (lib/webhooks/retry-schedule.ts), not in the job's retries: the job fails
 * only if the database does. `manual`: a replay or test, one attempt and no schedule. `hop`
 * counts the moves between lanes and waits for a send slot.
 */
export const deliveryAttemptPayload = z.object({
  deliveryId: z.string().min(1),
  attempt: z.number().int().min(1),
  manual: z.boolean().optional(),
  hop: z.number().int().min(0).optional(),
});

// Deliveries wait on receivers (up to 10 s each), so many run at once; endpoints that keep
// timing out have the slow lane's few workers instead. Fairness between workspaces and
// endpoints is the send slots' (lib/webhooks/send-slots.ts), inside the attempt, on both runners.
const deliveryRetry = { retries: 3, delaysSeconds: [5, 30, 120] };

export const webhookJobs = [
  defineJob({
    name: 'webhook.deliver',
    payload: deliveryAttemptPayload,
    retry: deliveryRetry,
    concurrency: 200,
    run: (payload, { aside }) => attemptDelivery(payload, { lane: 'fast', aside }),
  }),
  /** The same attempt in the slow lane (lib/webhooks/send-lane.ts). */
  defineJob({
    name: 'webhook.deliver_slow',
    payload: deliveryAttemptPayload,
    retry: deliveryRetry,
    concurrency: 5,
    run: (payload) => attemptDelivery(payload, { lane: 'slow' }),
  }),
  /** Re-sends the jobs of deliveries whose next attempt is overdue (a lost job, a crashed worker). */
  defineJob({
    name: 'webhooks.sweep',
    payload: noPayload,
    cron: '* * * * *',
    retry: { retries: 0, delaysSeconds: [] },
    run: () => sweepDeliveries(),
  }),
];
