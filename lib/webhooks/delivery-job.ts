import { enqueue } from '../jobs/queue.ts';

/** One job per delivery and attempt number: sending the same attempt twice is a no-op. */
export function deliveryJobKey(deliveryId: string, attempt: number): string {
  return `${deliveryId}:${attempt}`;
}

export async function enqueueAttempt(deliveryId: string, attempt: number, options: { delaySeconds?: number; manual?: boolean } = {}): Promise<void> {
  await enqueue(
    'webhook.deliver',
    { deliveryId, attempt, ...(options.manual ? { manual: true } : {}) },
    { singletonKey: deliveryJobKey(deliveryId, attempt), ...(options.delaySeconds ? { startAfterSeconds: options.delaySeconds } : {}) },
  );
}
