import { z } from 'zod';
import { WebhookDeliveryStatus } from '../../../db/generated/enums.ts';
import type { EventTypeDoc } from '../../../events/event-catalog-docs.ts';
import { EVENT_CATALOG } from '../../../events/event-catalog.ts';
import type { DeliveryDetail, DeliveryView } from '../../../webhooks/delivery-view.ts';
import { endpointInputSchema, endpointUpdateSchema, rotateSecretSchema, type EndpointView } from '../../../webhooks/endpoint-schema.ts';
import { listOf, pageQuery, Timestamp } from './common.ts';

// Webhook endpoints, their delivery log and the event catalog in the public API. Field names
// follow the other v1 resources (camelCase, lists as { data, next_cursor }); bodies are the
// app's own endpoint schemas (lib/webhooks/endpoint-schema.ts), which are already strict.

const EVENT_TYPES = Object.keys(EVENT_CATALOG) as [string, ...string[]];

export const WebhookEndpointResource = z
  .object({
    id: z.string().meta({ description: 'whk_…' }),
    url: z.string().meta({ description: 'Where events are POSTed (https).' }),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()).meta({ description: 'The event types delivered here; empty means every event type.' }),
    enabled: z.boolean().meta({ description: 'false: nothing is delivered. An endpoint is switched off automatically when it answers 410 Gone or keeps failing.' }),
    headers: z.record(z.string(), z.string()).meta({ description: 'Extra request headers sent with every delivery.' }),
    disabledReason: z.string().nullable().meta({ description: 'Why the endpoint was switched off automatically, if it was. Enabling it again clears this.' }),
    previousSecretValidUntil: Timestamp.nullable().meta({ description: 'After a rotation with a grace period: until when the previous secret still signs too.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ description: 'A webhook endpoint: a URL that receives signed events. Its signing secret is never shown again after it was created or rotated.' });
export type WebhookEndpointResource = z.infer<typeof WebhookEndpointResource>;

export const WebhookEndpointList = listOf(WebhookEndpointResource, 'Every webhook endpoint of the workspace, oldest first, in one page.');

export const WebhookEndpointWithSecret = WebhookEndpointResource.extend({
  secret: z.string().meta({ description: 'The signing secret, whsec_ followed by base64. Shown only in this answer: store it now.' }),
}).meta({ description: 'A webhook endpoint with its new signing secret, the only time the secret is shown.' });

export const WebhookCreate = endpointInputSchema.meta({
  description:
    'url (https, a public address); description (up to 200 characters, optional); eventTypes (types from GET /api/v1/event-types; empty or left out: every type); enabled (default true); headers (up to 10 extra request headers; authorization-like and webhook-* names are refused).',
});

export const WebhookUpdate = endpointUpdateSchema.meta({
  description: 'Any of url, description, eventTypes, enabled, headers. enabled: true switches an endpoint back on (also one switched off automatically) and clears disabledReason.',
});

export const WebhookRotateSecret = rotateSecretSchema.meta({
  description: 'graceHours (0 to 168, default 24): how long the previous secret keeps signing alongside the new one. The body may be left out.',
});

export const WebhookTestEvent = z
  .object({
    eventType: z.enum(EVENT_TYPES, { message: 'Unknown event type.' }).optional().meta({ description: 'The event type whose example to send; default: the first type the endpoint subscribes to.' }),
  })
  .strict()
  .meta({ description: 'eventType (optional). The body may be left out.' });

export const WebhookReplay = z
  .object({ since: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time, e.g. 2026-06-15T09:30:00Z.' }).meta({ description: 'Replay failed deliveries created at or after this instant.' }) })
  .strict()
  .meta({ description: 'since: an ISO 8601 date-time.' });

export const WebhookReplayResult = z.object({ replayed: z.int().min(0).meta({ description: 'How many failed deliveries were queued again.' }) }).meta({ description: 'What a replay queued.' });

const deliveryFields = {
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string().meta({ description: 'evt_…, sent as webhook-id.' }),
  eventType: z.string(),
  status: z.enum(WebhookDeliveryStatus).meta({ description: 'pending (queued or retrying), succeeded (a 2xx answer), failed (no more retries).' }),
  attempts: z.int().min(0),
  lastStatusCode: z.int().nullable().meta({ description: 'The HTTP status of the last attempt; null when no answer arrived.' }),
  lastError: z.string().nullable().meta({ description: 'Why the last attempt failed, when it did.' }),
  lastDurationMs: z.int().nullable(),
  lastResponseBody: z.string().nullable().meta({ description: 'The first 4 KB of the receiver’s last answer, as text.' }),
  nextAttemptAt: Timestamp.nullable().meta({ description: 'When the next retry is due, while pending.' }),
  deliveredAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const WebhookDeliveryResource = z.object(deliveryFields).meta({ description: 'One event sent to one endpoint, with the outcome of its last attempt.' });
export type WebhookDeliveryResource = z.infer<typeof WebhookDeliveryResource>;

export const WebhookDeliveryAttemptResource = z
  .object({
    attempt: z.int().min(1).meta({ description: '1-based; replays and test events continue the count.' }),
    manual: z.boolean().meta({ description: 'true for a replay or a test event, false for the delivery’s own schedule.' }),
    statusCode: z.int().nullable().meta({ description: 'The HTTP status the receiver answered; null when no answer arrived.' }),
    durationMs: z.int().min(0),
    responseBody: z.string().nullable().meta({ description: 'The first 4 KB of the receiver’s answer, as text.' }),
    error: z.string().nullable().meta({ description: 'Why the attempt failed, when it did.' }),
    startedAt: Timestamp,
    finishedAt: Timestamp,
  })
  .meta({ description: 'One attempt of a delivery, as it happened.' });

export const WebhookDeliveryDetail = z
  .object({
    ...deliveryFields,
    payload: z.unknown().meta({ description: 'The exact JSON body that is signed and sent.' }),
    attemptLog: z.array(WebhookDeliveryAttemptResource).meta({ description: 'Every attempt, newest first (the latest 50).' }),
  })
  .meta({ description: 'A delivery with the body it sends and each of its attempts.' });
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;

export const WebhookDeliveryList = listOf(WebhookDeliveryResource, 'A page of deliveries, newest first.');

export const WebhookDeliveryListQuery = z.object({
  ...pageQuery,
  status: z.enum(WebhookDeliveryStatus, { message: 'Use pending, succeeded or failed.' }).optional().meta({ description: 'Only deliveries with this status.' }),
});

export const EventTypeResource = z
  .object({
    type: z.string().meta({ description: 'e.g. goal.created' }),
    description: z.string(),
    schema: z.record(z.string(), z.unknown()).meta({ description: 'The JSON Schema (draft 2020-12) of the event’s data.' }),
    example: z.record(z.string(), z.unknown()).meta({ description: 'An example of the event’s data.' }),
  })
  .meta({ description: 'An event type that webhooks can subscribe to.' });

export const EventTypeList = listOf(EventTypeResource, 'Every event type, in one page.');

export function toWebhookEndpointResource(view: EndpointView): WebhookEndpointResource {
  return {
    id: view.id,
    url: view.url,
    description: view.description,
    eventTypes: view.eventTypes,
    enabled: view.enabled,
    headers: view.headers,
    disabledReason: view.disabledReason,
    previousSecretValidUntil: view.previousSecretValidUntil,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

export function toWebhookDeliveryResource(view: DeliveryView): WebhookDeliveryResource {
  return {
    id: view.id,
    endpointId: view.endpointId,
    eventId: view.eventId,
    eventType: view.eventType,
    status: view.status,
    attempts: view.attempts,
    lastStatusCode: view.lastStatusCode,
    lastError: view.lastError,
    lastDurationMs: view.lastDurationMs,
    lastResponseBody: view.lastResponseBody,
    nextAttemptAt: view.nextAttemptAt,
    deliveredAt: view.deliveredAt,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

export function toWebhookDeliveryDetail(view: DeliveryDetail): WebhookDeliveryDetail {
  return {
    ...toWebhookDeliveryResource(view),
    payload: view.payload,
    attemptLog: view.attemptLog.map((a) => ({ attempt: a.attempt, manual: a.manual, statusCode: a.statusCode, durationMs: a.durationMs, responseBody: a.responseBody, error: a.error, startedAt: a.startedAt, finishedAt: a.finishedAt })),
  };
}

export function toEventTypeResource(doc: EventTypeDoc): z.infer<typeof EventTypeResource> {
  return { type: doc.type, description: doc.description, schema: doc.schema, example: doc.example };
}
