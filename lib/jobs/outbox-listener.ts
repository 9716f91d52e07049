import { offNotify, onNotify } from '../db/notify-listener.ts';
import { relayOutbox } from './relay-outbox.ts';
import { logger } from '../observability/logger.ts';

// A trigger on "DomainEvent" notifies this channel when a transaction that emitted events
// commits (see the webhook_delivery_engine migration). Every process running the jobs relays
// at once on it, so an event reaches its consumers within milliseconds wherever it was written
// (any instance, script or worker). Relays in several processes take different rows (SKIP
// LOCKED). A missed notification costs at most a minute: the relay's cron picks the rows up.
export const OUTBOX_CHANNEL = 'waypoint_outbox';
const BATCH = 100;

let running = false;
let again = false;

async function relayNow(): Promise<void> {
  // Notifications that arrive during a relay fold into one more round after it.
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      while ((await relayOutbox({ batchSize: BATCH })) === BATCH);
    } while (again);
  } catch (error) {
    logger().warn({ err: error }, 'jobs: outbox relay failed; the cron retries within a minute');
  } finally {
    running = false;
  }
}

const relay = () => void relayNow();

export function listenToOutbox(): void {
  onNotify(OUTBOX_CHANNEL, relay, { outsideNext: true });
}

export async function stopListeningToOutbox(): Promise<void> {
  await offNotify(OUTBOX_CHANNEL, relay);
}
