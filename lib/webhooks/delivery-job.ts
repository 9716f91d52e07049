import { enqueue } from '../jobs/queue.ts';
import { LANE_JOBS, type SendLane } from './send-lane.ts';

/**
 * One job per delivery, attempt number and hop: sending the same attempt twice is a no-op.
 * An attempt moved to another lane or told to wait for a send slot goes on as the next hop.
 */
export function deliveryJobKey(deliveryId: string, attempt: number, hop = 0): string {
  return hop === 0 ? `${deliveryId}:${attempt}` : `${deliveryId}:${attempt}:${hop}`;
}

export interface EnqueueAttemptOptions {
  delaySeconds?: number;
  manual?: boolean;
  /** The endpoint's lane (send-lane.ts); a worker of the other lane would only move it. */
  lane?: SendLane;
  hop?: number;
}

export async function enqueueAttempt(deliveryId: string, attempt: number, { delaySeconds, manual, lane = 'fast', hop = 0 }: EnqueueAttemptOptions = {}): Promise<void> {
  await enqueue(
    LANE_JOBS[lane],
    { deliveryId, attempt, ...(manual ? { manual: true } : {}), ...(hop ? { hop } : {}) },
    { singletonKey: deliveryJobKey(deliveryId, attempt, hop), ...(delaySeconds ? { startAfterSeconds: delaySeconds } : {}) },
  );
}
