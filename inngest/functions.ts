import { deliverWebhookFunction } from './deliver-webhook.ts';
import { dispatchEventFunction } from './dispatch-event.ts';
import { relayOutboxFunction } from './relay-outbox.ts';
import { sweepWebhooksFunction } from './sweep-webhooks.ts';

/** Every Inngest function of the app, served at /api/inngest. */
export const functions = [relayOutboxFunction, dispatchEventFunction, deliverWebhookFunction, sweepWebhooksFunction];
