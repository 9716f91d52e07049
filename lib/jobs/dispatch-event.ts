import { fanOutEvent } from '../webhooks/fan-out.ts';

/**
 * Runs one domain event's consumers: today, webhook fan-out. Each consumer is idempotent, so
 * a dispatch that runs twice changes nothing the second time. Returns what it did, or null
 * when the event no longer exists (its tenant was deleted): nothing left to deliver, so that
 * is not a failure to retry.
 */
export async function dispatchEvent(eventId: string): Promise<{ type: string; webhookDeliveries: number } | null> {
  const fanOut = await fanOutEvent(eventId);
  return fanOut && { type: fanOut.type, webhookDeliveries: fanOut.deliveries };
}
