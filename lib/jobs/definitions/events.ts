import { z } from 'zod';
import { defineJob, noPayload } from '../define-job.ts';
import { dispatchEvent } from '../dispatch-event.ts';
import { relayOutbox } from '../relay-outbox.ts';

export const dispatchPayload = z.object({ eventId: z.string().min(1) });

export const eventJobs = [
  /** Moves unpublished DomainEvent rows into `event.dispatch` jobs (relay-outbox.ts). */
  defineJob({
    name: 'events.relay',
    payload: noPayload,
    // The cron is a safety net: the outbox trigger normally wakes a relay at commit (outbox-listener.ts).
    cron: '* * * * *',
    retry: { retries: 2, delaysSeconds: [5, 30] },
    run: () => relayOutbox(),
  }),
  /** Delivers one domain event to its consumers. */
  defineJob({
    name: 'event.dispatch',
    payload: dispatchPayload,
    retry: { retries: 5, delaysSeconds: [10, 60, 300, 1800, 7200] },
    // Fan-out is a few queries per event, but one worker made a burst of one workspace's events a
    // queue every other workspace waited behind; dispatches are idempotent, so several run at once.
    concurrency: 8,
    run: ({ eventId }) => dispatchEvent(eventId),
  }),
];
