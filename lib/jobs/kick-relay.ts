import { enqueue } from './queue.ts';

/**
 * Asks for an outbox relay about a second from now, so events reach their consumers without
 * waiting for the once-a-minute cron. Call it after the transaction that emitted events has
 * committed (never inside it: the relay would not see uncommitted rows):
 *
 *   await db.$transaction(async (tx) => { ...; await emitEvent(tx, ...) });
 *   void kickRelay();
 *
 * Every kick in the same second shares one relay job (keyed by the next second), which
 * starts after all of them. It never throws: if the kick is lost (no queue in this process,
 * queue unreachable), the events are still in the outbox and the cron relays them.
 */
export async function kickRelay(): Promise<void> {
  const nextSecond = Math.floor(Date.now() / 1000) + 1;
  try {
    await enqueue('events.relay', {}, { singletonKey: `second-${nextSecond}`, startAfterSeconds: 1 });
  } catch (error) {
    console.warn('jobs: could not kick the outbox relay; the cron will relay within a minute:', error instanceof Error ? error.message : error);
  }
}
