import { z } from 'zod';
import { SCOPE_DESCRIPTIONS } from '../../api-keys/scopes.ts';
import { PLAN_CATALOG } from '../../billing/plan-catalog.ts';
import { config } from '../../config/env.ts';
import { envelopeSchema, eventTypeDocs, exampleEnvelope, WEBHOOK_HEADERS } from '../../events/event-catalog-docs.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from '../../webhooks/retry-schedule.ts';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency.ts';
import { operations, type ApiOperation, type ProblemStatus } from './operations.ts';
import { AnalyticsOverview } from './schemas/analytics.ts';
import { InstalledAppList, InstalledAppResource } from './schemas/app.ts';
import { CoachMessageCreate, CoachStreamEvent } from './schemas/coach.ts';
import { GoalCreate, GoalList, GoalResource, GoalUpdate } from './schemas/goal.ts';
import { MeasurementCreate, MeasurementList, MeasurementResource, MeasurementResult } from './schemas/metric.ts';
import { InsightList, InsightResource } from './schemas/insight.ts';
import { HabitCreate, HabitList, HabitLogCreate, HabitLogList, HabitLogResource, HabitLogResult, HabitResource, HabitUpdate } from './schemas/habit.ts';
import { Problem } from './schemas/problem.ts';
import { MeResource } from './schemas/user.ts';
import {
  EventTypeList,
  EventTypeResource,
  WebhookCreate,
  WebhookDeliveryDetail,
  WebhookDeliveryList,
  WebhookDeliveryResource,
  WebhookEndpointList,
  WebhookEndpointResource,
  WebhookEndpointWithSecret,
  WebhookReplay,
  WebhookReplayResult,
  WebhookRotateSecret,
  WebhookTestEvent,
  WebhookUpdate,
} from './schemas/webhook.ts';

// The OpenAPI 3.1 document of the public API, generated from operations.ts and the zod
// schemas the handlers validate and answer with. Responses are described as the schemas'
// output, request bodies and query parameters as their input (before defaults and
// transforms), which is what a client sends.

type Json = Record<string, unknown>;

const RESPONSES: Record<string, z.ZodType> = {
  Me: MeResource,
  Goal: GoalResource,
  GoalList,
  Measurement: MeasurementResource,
  MeasurementList,
  MeasurementResult,
  Habit: HabitResource,
  HabitList,
  HabitLog: HabitLogResource,
  HabitLogList,
  HabitLogResult,
  AnalyticsOverview,
  Insight: InsightResource,
  InsightList,
  WebhookEndpoint: WebhookEndpointResource,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
  WebhookDelivery: WebhookDeliveryResource,
  WebhookDeliveryDetail,
  WebhookDeliveryList,
  WebhookReplayResult,
  EventType: EventTypeResource,
  EventTypeList,
  InstalledApp: InstalledAppResource,
  InstalledAppList,
  CoachStreamEvent,
  Problem,
};
const REQUESTS: Record<string, z.ZodType> = { CoachMessageCreate, GoalCreate, GoalUpdate, MeasurementCreate, HabitCreate, HabitUpdate, HabitLogCreate, WebhookCreate, WebhookUpdate, WebhookRotateSecret, WebhookTestEvent, WebhookReplay };

const PROBLEMS: Record<ProblemStatus | 401 | 403 | 429, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The body is not valid JSON, or is empty (code bad_request).' },
  401: { name: 'Unauthorized', description: 'No key, a malformed, unknown, revoked, expired or rotated-out key, or a key of another workspace (codes unauthorized, invalid_api_key, api_key_revoked, api_key_expired, api_key_rotated, wrong_workspace).' },
  403: { name: 'Forbidden', description: 'The key lacks the scope (insufficient_scope, naming it), is used from an address outside its IP allowlist (ip_not_allowed), the workspace is suspended, the workspace’s plan does not include this (plan_upgrade_required: API keys need Basic or above, analytics Basic, webhooks Pro), or the key’s creator may not do this (forbidden).' },
  404: { name: 'NotFound', description: 'No such resource that you can see (code not_found). Ids of other workspaces, and resources hidden from the key’s creator, answer the same.' },
  409: { name: 'Conflict', description: 'Idempotency-Key reused with another request (idempotency_key_reused) or still in progress (idempotency_key_in_progress, with Retry-After), or a state conflict (conflict), e.g. a day logged twice; for measurements, a goal without a target (goal_not_measurable) or a clientId already recorded with other values (measurement_client_id_reused).' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than 1 MB (code payload_too_large).' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not sent as application/json (code unsupported_media_type).' },
  422: { name: 'ValidationFailed', description: 'A field, query parameter or header is invalid or unknown; `errors` names each one (code validation_failed).' },
  429: { name: 'RateLimited', description: 'The key’s rate limit is used up (code rate_limited), or a Free workspace used its monthly request quota (code quota_exceeded, until the period ends); retry after Retry-After seconds. The coach also answers 429 when a member asks too fast (rate_limited) or the workspace used its monthly coach tokens (coach_budget_exhausted).' },
  502: { name: 'BadGateway', description: 'An upstream provider (the AI coach’s) failed to answer (code coach_provider_error); retry in a moment.' },
};

const rateLimitHeaders = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

/** zod marks each generated schema as a standalone document; inside components it is not one. */
function clean(schema: Json): Json {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'));
}

// Calendar dates and timestamps keep their `format`; zod's long equivalent regexes would
// only make the document harder to read.
const override = ({ jsonSchema }: { jsonSchema: { format?: string; pattern?: string } }) => {
  if (jsonSchema.format === 'date' || jsonSchema.format === 'date-time') delete jsonSchema.pattern;
};

function componentSchemas(named: Record<string, z.ZodType>, io: 'input' | 'output'): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, override, uri: (id) => `#/components/schemas/${id}` });
  if ('__shared' in schemas) throw new Error('OpenAPI: a schema is shared without a component name; name it in openapi.ts');
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, clean(schema as Json)]));
}

function refTo(schema: z.ZodType | undefined, named: Record<string, z.ZodType>): Json {
  const name = Object.entries(named).find(([, candidate]) => candidate === schema)?.[0];
  if (!name) throw new Error('OpenAPI: an operation uses a schema that has no component name; add it to openapi.ts');
  return { $ref: `#/components/schemas/${name}` };
}

function queryParameters(query: z.ZodType): Json[] {
  const schema = z.toJSONSchema(query, { target: 'draft-2020-12', io: 'input', override }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: schema.required?.includes(name) ?? false, description, schema: rest };
  });
}

/** WAYPOINT_URL is the workspace's address, e.g. https://acme.example.com. */
function curlSample(op: ApiOperation): string {
  const lines = [`curl -X ${op.method.toUpperCase()} "$WAYPOINT_URL${op.path.replace('{id}', '$ID')}"`, '  -H "Authorization: Bearer $WAYPOINT_API_KEY"'];
  if (op.idempotent) lines.push('  -H "Idempotency-Key: $(uuidgen)"');
  if (op.body) lines.push('  -H "Content-Type: application/json"', `  -d '${JSON.stringify(op.example ?? {})}'`);
  return lines.join(' \\\n');
}

function operationObject(op: ApiOperation): Json {
  const parameters: Json[] = [];
  if (op.path.includes('{id}')) parameters.push({ $ref: '#/components/parameters/Id' });
  if (op.query) parameters.push(...queryParameters(op.query));
  if (op.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (op.etag) parameters.push({ $ref: '#/components/parameters/IfNoneMatch' });

  const successHeaders: Json = { ...rateLimitHeaders };
  if (op.etag) successHeaders.ETag = { $ref: '#/components/headers/ETag' };
  if (op.idempotent) successHeaders['Idempotent-Replayed'] = { $ref: '#/components/headers/Idempotent-Replayed' };
  const content = op.response.schema ? { content: { [op.response.stream ? 'text/event-stream' : 'application/json']: { schema: refTo(op.response.schema, RESPONSES) } } } : {};
  const responses: Json = { [op.response.status]: { description: op.response.description, headers: successHeaders, ...content } };
  if (op.alsoAnswers) responses[op.alsoAnswers.status] = { description: op.alsoAnswers.description, headers: successHeaders, ...content };
  if (op.etag) responses['304'] = { description: 'Not modified: the ETag in If-None-Match still matches. No body.', headers: { ETag: { $ref: '#/components/headers/ETag' }, ...rateLimitHeaders } };
  for (const status of [...op.problems, 401, 403, 429].sort((a, b) => a - b)) responses[status] = { $ref: `#/components/responses/${PROBLEMS[status as keyof typeof PROBLEMS].name}` };

  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description}\n\nRequires the \`${op.scope}\` scope (${SCOPE_DESCRIPTIONS[op.scope].toLowerCase()}).`,
    security: [{ bearerAuth: [op.scope] }],
    'x-required-scope': op.scope,
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: op.bodyOptional !== true,
            content: { 'application/json': { schema: refTo(op.body, REQUESTS), ...(op.example ? { example: op.example } : {}) } },
          },
        }
      : {}),
    responses,
    'x-codeSamples': [{ lang: 'Shell', label: 'curl', source: curlSample(op) }],
  };
}

const RETRY_SCHEDULE = RETRY_DELAYS_SECONDS.slice(1)
  .map((seconds) => (seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${seconds / 60} min` : `${seconds / 3600} h`))
  .join(', ');

/**
 * The event catalog as OpenAPI 3.1 webhooks: one entry per event type, whose request body is
 * the envelope around that type's payload, with the catalog's example.
 */
function webhookEvents(): Record<string, Json> {
  const headers = WEBHOOK_HEADERS.map(({ name, description }) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } }));
  return Object.fromEntries(
    eventTypeDocs().map((doc) => [
      doc.type,
      {
        post: {
          operationId: `event:${doc.type}`,
          tags: ['Webhooks'],
          summary: doc.type,
          description: `${doc.description}\n\nSent to every enabled endpoint subscribed to \`${doc.type}\` (or to every event type), as a signed POST.`,
          parameters: headers,
          requestBody: { required: true, content: { 'application/json': { schema: envelopeSchema(doc), example: exampleEnvelope(doc) } } },
          responses: {
            '2XX': { description: 'Any 2xx answer within 10 seconds acknowledges the event.' },
            '410': { description: 'Gone: deliveries stop and the endpoint is switched off.' },
            default: {
              description: `Anything else (or no answer) is retried up to ${MAX_ATTEMPTS} attempts in all, after ${RETRY_SCHEDULE}. Retry-After is honoured on 429 and 503.`,
            },
          },
        },
      },
    ]),
  );
}

const DESCRIPTION = `The Waypoint REST API reads and changes goals and habits in one workspace.

**Authentication.** Create an API key in the workspace's settings and send it as \`Authorization: Bearer wp_live_…\`. A key belongs to one workspace and acts as the person who created it, within the key's scopes (and never beyond that person's role). Call the API on the workspace's own address, e.g. \`https://acme.${config.rootDomain}\`; a key used on another workspace's address is refused (401 wrong_workspace).

**Pagination.** Lists answer \`{ "data": [...], "next_cursor": "…" | null }\`. Pass \`?limit=\` (1–100, default 20) and \`?cursor=\` with the previous page's next_cursor until it is null. Cursors are opaque.

**Idempotency.** Send \`Idempotency-Key\` (1–255 visible ASCII characters, e.g. a UUID) on POST to retry safely: the same key with the same request returns the first answer again, with \`Idempotent-Replayed: true\`, for 24 hours. The same key with a different body is 409 idempotency_key_reused. Only successful answers are kept: after an error, the same request can be retried with the same key.

**Caching.** Single resources carry an ETag; send it back in \`If-None-Match\` to get an empty 304 while nothing changed.

**Errors** are \`application/problem+json\` with a stable \`code\` and, for invalid input, \`errors\` per field.

**Rate limits** apply per key, by its tier (burst, per hour and per day). Every answer carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`; a 429 carries \`Retry-After\`.

**Plans.** API keys come with the Basic plan and above; on the Free plan the API answers the OAuth apps a workspace's members connect. Each plan includes a number of requests per billing period (${PLAN_CATALOG.map((plan) => `${plan.name} ${plan.limits.apiRequestsPerMonth.toLocaleString('en-US')}`).join(', ')} a month): Free stops there with 429 quota_exceeded, the paid plans go on and bill each further 1,000 requests.

**Webhooks.** Endpoints (managed under Webhooks, with the \`webhooks:manage\` scope) receive events as signed POSTs, described in this document's \`webhooks\` section: one JSON envelope \`{ id, type, created_at, tenant_id, data, api_version }\` per event, signed the Standard Webhooks way (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`), so any Standard Webhooks library verifies them.`;

/** The OpenAPI 3.1.0 document of /api/v1, served at /api/v1/openapi.json. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Json> = {};
  for (const op of Object.values(operations) as ApiOperation[]) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = operationObject(op);
  }
  const problemResponses = Object.fromEntries(
    Object.entries(PROBLEMS).map(([status, { name, description }]) => [
      name,
      {
        description,
        ...(status === '429' ? { headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } } : {}),
        ...(status === '401' ? { headers: { 'WWW-Authenticate': { description: 'Bearer realm="waypoint", with the error.', schema: { type: 'string' } } } } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
  const integerHeader = (description: string) => ({ description, schema: { type: 'integer', minimum: 0 } });

  return {
    openapi: '3.1.0',
    info: { title: 'Waypoint API', version: '1.0.0', description: DESCRIPTION },
    servers: [
      {
        url: `${config.scheme}://{workspace}.${config.rootDomain}`,
        // No description on the variable: the 3.1 schema validators ship misspells it ("descriptions").
        description: "Your workspace's address: {workspace} is its slug (a verified custom domain of the workspace works too).",
        variables: { workspace: { default: 'acme' } },
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Users', description: 'Who the key acts as.' },
      { name: 'Goals', description: 'Personal and team goals.' },
      { name: 'Metrics', description: 'Measurements toward measurable goals (“ran 5 km”), sent by apps and integrations.' },
      { name: 'Habits', description: 'Habits, their streaks and logs.' },
      { name: 'Analytics', description: 'Numbers across goals and habits.' },
      { name: 'Coach', description: 'Insights from your own data (scope ai:coach). The AI coach (when the installation and the workspace’s plan have one): streamed answers grounded on your own data.' },
      { name: 'Webhooks', description: 'Endpoints that receive signed events, their delivery log, and the event catalog.' },
      { name: 'Apps', description: 'Marketplace apps installed in the workspace.' },
    ],
    paths,
    webhooks: webhookEvents(),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'an API key (wp_live_…) or an OAuth access token (wpat_…)',
          description: `An API key of the workspace, or an OAuth 2.0 access token an app obtained from the workspace's authorization server (metadata at /.well-known/oauth-authorization-server on the workspace's address; the same scopes apply). Each operation names the scope it needs (in its security requirement and in x-required-scope). Scopes: ${Object.entries(SCOPE_DESCRIPTIONS)
            .map(([scope, text]) => `\`${scope}\` (${text.toLowerCase()})`)
            .join(', ')}.`,
        },
      },
      schemas: { ...componentSchemas(RESPONSES, 'output'), ...componentSchemas(REQUESTS, 'input') },
      parameters: {
        Id: { name: 'id', in: 'path', required: true, description: 'The resource id.', schema: { type: 'string', minLength: 1 } },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Makes the POST safe to retry: the same key and request within 24 hours returns the first answer again.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN.source.replace('{1,255}', '+') },
        },
        IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier answer: 304 while the resource is unchanged.', schema: { type: 'string' } },
      },
      headers: {
        'RateLimit-Limit': integerHeader('The limit of the window closest to running out (burst, hour or day).'),
        'RateLimit-Remaining': integerHeader('Requests left in that window.'),
        'RateLimit-Reset': integerHeader('Seconds until that window resets.'),
        'Retry-After': integerHeader('Seconds to wait before retrying.'),
        ETag: { description: 'A strong validator of the body; send it in If-None-Match.', schema: { type: 'string' } },
        'Idempotent-Replayed': { description: '"true" when the answer is a replay of an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } },
      },
      responses: problemResponses,
    },
  };
}
