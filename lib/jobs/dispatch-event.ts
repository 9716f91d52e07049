import { requestInsightsForEvent } from '../insights/on-activity.ts';
import { dispatchToIntegrations } from '../integrations/dispatch.ts';
import { notifyForEvent } from '../notifications/consumer.ts';
import { fanOutEvent } from '../webhooks/fan-out.ts';

/**
 * Runs one domain event's consumers: webhook fan-out, the workspace's first-party integrations,
 * notifications, and a refresh of the insights of the member it is about. Each consumer is
 * idempotent, so a dispatch that runs twice changes nothing the second time. Returns what it did, or null when the event no longer exists (its tenant was
 * deleted): nothing left to deliver, so that is not a failure to retry.
 */
export async function dispatchEvent(eventId: string): Promise<{ type: string; webhookDeliveries: number; integrations: number } | null> {
  const fanOut = await fanOutEvent(eventId);
  if (!fanOut) return null;
  const { integrations } = await dispatchToIntegrations(eventId);
  await notifyForEvent(eventId);
  await requestInsightsForEvent(eventId, fanOut.type);
  return { type: fanOut.type, webhookDeliveries: fanOut.deliveries, integrations };
}
