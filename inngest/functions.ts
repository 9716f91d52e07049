import { dispatchEventFunction } from './dispatch-event.ts';
import { relayOutboxFunction } from './relay-outbox.ts';

/** Every Inngest function of the app, served at /api/inngest. */
export const functions = [relayOutboxFunction, dispatchEventFunction];
