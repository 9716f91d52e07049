// Two lanes of delivery workers, so an endpoint that keeps timing out cannot hold the
// workers everyone else's deliveries need: its attempts move to the slow lane (a queue of its
// own, with few workers) after SLOW_LANE_AFTER_TIMEOUTS timeouts in a row, and back as soon
// as it answers. Within each lane, send slots (send-slots.ts) cap how many attempts one
// tenant and one endpoint have in flight at once, across every worker process.

export type SendLane = 'fast' | 'slow';

/** Timeouts in a row (connect or total) after which an endpoint's attempts go to the slow lane. */
export const SLOW_LANE_AFTER_TIMEOUTS = 2;

/** Attempts in flight at once, across every worker process. */
export const SEND_LIMITS = {
  /** Per tenant, both lanes together: one tenant never holds more than half a process's fast workers (JOBS['webhook.deliver'].concurrency). */
  tenant: 100,
  /** Per endpoint, by lane: a healthy receiver takes a few at once, a slow one only two. */
  endpoint: { fast: 5, slow: 2 },
} as const;

/** How long an attempt that found its tenant or endpoint at its limit waits for a slot (holding no worker; attempt-delivery.ts). */
export const SLOT_WAIT_MS = 5000;

/** A tenant's attempts waiting for a slot in one process at most; the rest go back to the queue. */
export const MAX_WAITING_PER_TENANT = 2000;

/** How long it then waits in the queue before trying again. */
export const SEND_WAIT_SECONDS: Record<SendLane, number> = { fast: 1, slow: 5 };

export const LANE_JOBS = { fast: 'webhook.deliver', slow: 'webhook.deliver_slow' } as const;

export function laneOf(endpoint: { consecutiveTimeouts: number }): SendLane {
  return endpoint.consecutiveTimeouts >= SLOW_LANE_AFTER_TIMEOUTS ? 'slow' : 'fast';
}
