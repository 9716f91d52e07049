import { db } from '../db/client.ts';

/**
 * Runs one domain event's consumers. For now it only loads the event; consumers (webhooks)
 * hook in here. Returns the event's type, or null when the event no longer exists (its
 * tenant was deleted): there is nothing left to deliver, so that is not a failure to retry.
 */
export async function dispatchEvent(eventId: string): Promise<string | null> {
  const event = await db.domainEvent.findUnique({ where: { id: eventId }, select: { type: true } });
  return event?.type ?? null;
}
