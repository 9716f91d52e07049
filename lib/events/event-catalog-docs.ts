import { z } from 'zod';
import { WEBHOOK_API_VERSION } from '../webhooks/webhook-payload.ts';
import { EVENT_CATALOG } from './event-catalog.ts';

// The event catalog as developers read it: each type with its description, the JSON Schema
// of its payload and an example, plus the envelope every webhook wraps a payload in. One
// source for GET /api/v1/event-types, the OpenAPI document's `webhooks` and the settings and
// docs pages. The envelope is the one lib/webhooks/webhook-payload.ts builds.

export { WEBHOOK_API_VERSION };

/** The Standard Webhooks headers every delivery carries (https://www.standardwebhooks.com). */
export const WEBHOOK_HEADERS = [
  { name: 'webhook-id', description: 'The event id (evt_…): the same on every retry of the event, so receivers can de-duplicate on it.' },
  { name: 'webhook-timestamp', description: 'Unix seconds when this attempt was signed. Reject attempts more than a few minutes off your clock.' },
  {
    name: 'webhook-signature',
    description:
      'Space-separated v1,<base64 HMAC-SHA256> signatures of "<webhook-id>.<webhook-timestamp>.<raw body>", keyed with the base64-decoded part of the endpoint’s whsec_ secret. While a rotated-out secret is in its grace period, both secrets sign.',
  },
] as const;

export interface EventTypeDoc {
  /** e.g. "goal.created" */
  type: string;
  /** The part before the dot, e.g. "goal": how the pages group types. */
  resource: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the payload, the envelope's `data`. */
  schema: Record<string, unknown>;
  /** A valid payload. */
  example: Record<string, unknown>;
}

/**
 * Payloads are documented as their input shape: no `additionalProperties: false`, since a
 * payload may gain fields within api_version v1 and receivers must ignore fields they do not know.
 */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

let docs: readonly EventTypeDoc[] | undefined;

/** Every event type, in the catalog's order. */
export function eventTypeDocs(): readonly EventTypeDoc[] {
  docs ??= Object.entries(EVENT_CATALOG).map(([type, entry]) => ({
    type,
    resource: type.slice(0, type.indexOf('.')),
    description: entry.description,
    schema: jsonSchemaOf(entry.schema),
    example: entry.example as Record<string, unknown>,
  }));
  return docs;
}

/** The event types grouped by resource ("user", "goal", …), in the catalog's order. */
export function eventTypesByResource(): { resource: string; types: EventTypeDoc[] }[] {
  const groups: { resource: string; types: EventTypeDoc[] }[] = [];
  for (const doc of eventTypeDocs()) {
    const group = groups.find((g) => g.resource === doc.resource);
    if (group) group.types.push(doc);
    else groups.push({ resource: doc.resource, types: [doc] });
  }
  return groups;
}

/** The JSON Schema of a whole webhook body for one event type: the envelope around its payload. */
export function envelopeSchema(doc: EventTypeDoc): Record<string, unknown> {
  return {
    type: 'object',
    description: `The body of a ${doc.type} webhook.`,
    required: ['id', 'type', 'created_at', 'tenant_id', 'data', 'api_version'],
    properties: {
      id: { type: 'string', description: 'The event id (evt_…), also sent as webhook-id.' },
      type: { type: 'string', const: doc.type },
      created_at: { type: 'string', format: 'date-time', description: 'When the event happened (ISO 8601, UTC).' },
      tenant_id: { type: 'string', description: 'The workspace the event belongs to.' },
      data: { ...doc.schema, description: doc.description },
      api_version: { type: 'string', const: WEBHOOK_API_VERSION },
    },
  };
}

/** An example webhook body for one event type: the catalog's example payload in the envelope. */
export function exampleEnvelope(doc: EventTypeDoc): Record<string, unknown> {
  return {
    id: 'evt_Vq3xN8rT2bKp0LmZsYw1Hc4d',
    type: doc.type,
    created_at: '2026-11-21T10:00:00.000Z',
    tenant_id: 'cm1tenant',
    data: doc.example,
    api_version: WEBHOOK_API_VERSION,
  };
}
