import { offNotify, onNotify } from '../db/notify-listener.ts';
import { kickRelay } from './kick-relay.ts';

// A trigger on "DomainEvent" notifies this channel when a transaction that emitted events
// commits (see the webhook_delivery_engine migration), so events reach the relay within about a
// second wherever they were written (any instance, script or worker). If a notification is
// missed, the relay's cron still picks the events up within a minute.
export const OUTBOX_CHANNEL = 'waypoint_outbox';

const kick = () => void kickRelay();

export function listenToOutbox(): void {
  onNotify(OUTBOX_CHANNEL, kick, { outsideNext: true });
}

export async function stopListeningToOutbox(): Promise<void> {
  await offNotify(OUTBOX_CHANNEL, kick);
}
