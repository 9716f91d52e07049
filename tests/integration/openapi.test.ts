import { db } from '../../lib/db/client.ts';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as analyticsRoute from '../../app/api/v1/analytics/overview/route.ts';
import * as eventTypesRoute from '../../app/api/v1/event-types/route.ts';
import * as goalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as measurementsRoute from '../../app/api/v1/goals/[id]/measurements/route.ts';
import * as metricsRoute from '../../app/api/v1/metrics/route.ts';
import * as logsRoute from '../../app/api/v1/habits/[id]/logs/route.ts';
import * as habitRoute from '../../app/api/v1/habits/[id]/route.ts';
import * as habitsRoute from '../../app/api/v1/habits/route.ts';
import * as openapiRoute from '../../app/api/v1/openapi.json/route.ts';
import * as meRoute from '../../app/api/v1/users/me/route.ts';
import * as deliveryRoute from '../../app/api/v1/webhook-deliveries/[id]/route.ts';
import * as replayDeliveryRoute from '../../app/api/v1/webhook-deliveries/[id]/replay/route.ts';
import * as webhookDeliveriesRoute from '../../app/api/v1/webhooks/[id]/deliveries/route.ts';
import * as webhookReplayRoute from '../../app/api/v1/webhooks/[id]/replay/route.ts';
import * as webhookRotateRoute from '../../app/api/v1/webhooks/[id]/rotate-secret/route.ts';
import * as webhookRoute from '../../app/api/v1/webhooks/[id]/route.ts';
import * as webhookTestRoute from '../../app/api/v1/webhooks/[id]/test/route.ts';
import * as webhooksRoute from '../../app/api/v1/webhooks/route.ts';
import * as installedAppsRoute from '../../app/api/v1/apps/installed/route.ts';
import * as insightsRoute from '../../app/api/v1/insights/route.ts';
import * as coachMessagesRoute from '../../app/api/v1/coach/messages/route.ts';
import { buildOpenApiDocument } from '../../lib/api/v1/openapi.ts';
import { operations, type ApiOperation } from '../../lib/api/v1/operations.ts';
import { EVENT_CATALOG } from '../../lib/events/event-catalog.ts';
import { refreshMemberInsights } from '../../lib/insights/run-insights.ts';
import { installApp } from '../../lib/marketplace/installations.ts';
import { apiWorkspace, type ApiWorkspace, type V1Answer } from '../support/api-v1-client.ts';
import { createMarketplaceApp } from '../support/marketplace.ts';

// The document is checked twice: by a real OpenAPI validator, and against what the handlers
// really answer (each answer validated with Ajv against the document's response schema).

type Json = Record<string, unknown>;
type OperationObject = { operationId: string; parameters?: Json[]; requestBody?: Json; responses: Record<string, { content?: Record<string, { schema: Json }> }>; security: Json[]; 'x-required-scope': string };
type WebhookObject = { post: { parameters: Json[]; requestBody: { content: { 'application/json': { schema: Json & { properties: Record<string, Json> }; example: Json } } }; responses: Record<string, Json> } };
type Document = { openapi: string; paths: Record<string, Record<string, OperationObject>>; webhooks: Record<string, WebhookObject>; components: { schemas: Record<string, Json> } };

const ROUTES: Record<string, Record<string, unknown>> = {
  '/api/v1/users/me': meRoute,
  '/api/v1/goals': goalsRoute,
  '/api/v1/goals/{id}': goalRoute,
  '/api/v1/goals/{id}/measurements': measurementsRoute,
  '/api/v1/metrics': metricsRoute,
  '/api/v1/habits': habitsRoute,
  '/api/v1/habits/{id}': habitRoute,
  '/api/v1/habits/{id}/logs': logsRoute,
  '/api/v1/analytics/overview': analyticsRoute,
  '/api/v1/webhooks': webhooksRoute,
  '/api/v1/webhooks/{id}': webhookRoute,
  '/api/v1/webhooks/{id}/rotate-secret': webhookRotateRoute,
  '/api/v1/webhooks/{id}/deliveries': webhookDeliveriesRoute,
  '/api/v1/webhooks/{id}/test': webhookTestRoute,
  '/api/v1/webhooks/{id}/replay': webhookReplayRoute,
  '/api/v1/webhook-deliveries/{id}': deliveryRoute,
  '/api/v1/webhook-deliveries/{id}/replay': replayDeliveryRoute,
  '/api/v1/event-types': eventTypesRoute,
  '/api/v1/apps/installed': installedAppsRoute,
  '/api/v1/insights': insightsRoute,
  '/api/v1/coach/messages': coachMessagesRoute,
};

const OPERATIONS = Object.values(operations) as ApiOperation[];
let doc: Document;
let resolved: Document;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);

beforeAll(async () => {
  doc = buildOpenApiDocument() as Document;
  resolved = (await SwaggerParser.dereference(structuredClone(doc) as never)) as unknown as Document;
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('describes every operation with its scope, parameters and problem responses', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const op of OPERATIONS) {
      const described = doc.paths[op.path][op.method];
      expect(described.operationId).toBe(op.operationId);
      expect(described['x-required-scope']).toBe(op.scope);
      expect(described.security).toEqual([{ bearerAuth: [op.scope] }]);
      const statuses = Object.keys(described.responses);
      expect(statuses).toEqual(expect.arrayContaining([String(op.response.status), '401', '403', '429', ...op.problems.map(String)]));
      const refs = (described.parameters ?? []).map((p) => String(p.$ref ?? p.name));
      expect(refs.includes('#/components/parameters/Id')).toBe(op.path.includes('{id}'));
      expect(refs.includes('#/components/parameters/IdempotencyKey')).toBe(op.idempotent === true);
      expect(refs.includes('#/components/parameters/IfNoneMatch')).toBe(op.etag === true);
      expect(statuses.includes('304')).toBe(op.etag === true);
      expect(described.requestBody !== undefined).toBe(op.body !== undefined);
    }
    const listGoals = doc.paths['/api/v1/goals'].get;
    expect(listGoals.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor', 'status', 'from', 'to']);
    expect(doc.components.schemas.GoalCreate).toMatchObject({ additionalProperties: false, required: ['title'] });
  });

  it('describes every event type as a webhook: the envelope around its data, the catalog example and the Standard Webhooks headers', () => {
    expect(Object.keys(doc.webhooks)).toEqual(Object.keys(EVENT_CATALOG));
    for (const [type, entry] of Object.entries(EVENT_CATALOG)) {
      const { parameters, requestBody, responses } = doc.webhooks[type].post;
      expect(parameters.map((p) => [p.name, p.in, p.required])).toEqual([
        ['webhook-id', 'header', true],
        ['webhook-timestamp', 'header', true],
        ['webhook-signature', 'header', true],
      ]);
      const { schema, example } = requestBody.content['application/json'];
      expect(schema.required).toEqual(['id', 'type', 'created_at', 'tenant_id', 'data', 'api_version']);
      expect(schema.properties.type).toEqual({ type: 'string', const: type });
      expect(schema.properties.api_version).toEqual({ type: 'string', const: 'v1' });
      expect(example).toMatchObject({ type, data: entry.example, api_version: 'v1' });
      // The example is valid against its own schema.
      const validate = ajv.compile(schema);
      expect(validate(example), `${type}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(Object.keys(responses).sort()).toEqual(['2XX', '410', 'default']);
    }
    expect((doc as unknown as { tags: { name: string }[] }).tags.map((t) => t.name)).toContain('Webhooks');
    // Secrets appear only in the answers that create them.
    const withSecret = OPERATIONS.filter((op) => (doc.paths[op.path][op.method].responses[String(op.response.status)] as { content?: Record<string, { schema: Json }> }).content?.['application/json']?.schema.$ref === '#/components/schemas/WebhookEndpointWithSecret');
    expect(withSecret.map((op) => op.operationId).sort()).toEqual(['createWebhook', 'rotateWebhookSecret']);
  });

  it('lists exactly the methods each route module exports', () => {
    for (const [path, module] of Object.entries(ROUTES)) {
      expect(Object.keys(module).sort(), path).toEqual(Object.keys(doc.paths[path]).map((method) => method.toUpperCase()).sort());
    }
  });

  it('is served publicly at /api/v1/openapi.json', async () => {
    const response = await openapiRoute.GET(new NextRequest('http://localhost:3100/api/v1/openapi.json'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const text = await response.text();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual(doc);
  });
});

describe('real answers match the document', () => {
  let ws: ApiWorkspace;
  const checked = new Set<string>();

  /** Validates the answer against the documented response of the operation for its status. */
  function expectDocumented(op: ApiOperation, answer: V1Answer): void {
    const response = resolved.paths[op.path][op.method].responses[String(answer.status)];
    expect(response, `${op.operationId} does not document ${answer.status}: ${answer.text}`).toBeDefined();
    checked.add(`${op.operationId} ${answer.status}`);
    if (answer.status === 204 || answer.status === 304) {
      expect(response.content).toBeUndefined();
      expect(answer.text).toBe('');
      return;
    }
    const type = answer.headers.get('content-type') ?? '';
    const media = response.content?.[type];
    expect(media, `${op.operationId} ${answer.status} is not documented as ${type}`).toBeDefined();
    const validate = ajv.compile(media?.schema ?? {});
    expect(validate(answer.body), `${op.operationId} ${answer.status}: ${ajv.errorsText(validate.errors)}\n${answer.text}`).toBe(true);
  }

  beforeAll(async () => {
    ws = await apiWorkspace();
  });

  it('for users, goals, habits, logs and analytics', async () => {
    const o = operations;
    expectDocumented(o.getMe, await ws.call(meRoute.GET, '/api/v1/users/me', {}));

    const goal = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Documented', targetDate: '2031-01-01' }, headers: { 'idempotency-key': 'doc-goal' } });
    expectDocumented(o.createGoal, goal);
    expectDocumented(o.createGoal, await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Documented', targetDate: '2031-01-01' }, headers: { 'idempotency-key': 'doc-goal' } }));
    await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Second' } });
    const id = goal.body.id as string;
    const page = await ws.call(goalsRoute.GET, '/api/v1/goals?limit=1', {});
    expect(page.body.next_cursor).toEqual(expect.any(String));
    expectDocumented(o.listGoals, page);
    const read = await ws.call(goalRoute.GET, `/api/v1/goals/${id}`, { id });
    expectDocumented(o.getGoal, read);
    expectDocumented(o.getGoal, await ws.call(goalRoute.GET, `/api/v1/goals/${id}`, { id }, { headers: { 'if-none-match': read.headers.get('etag') ?? '' } }));
    expectDocumented(o.updateGoal, await ws.call(goalRoute.PATCH, `/api/v1/goals/${id}`, { id }, { method: 'PATCH', body: { description: 'Now described' } }));
    expectDocumented(o.deleteGoal, await ws.call(goalRoute.DELETE, `/api/v1/goals/${id}`, { id }, { method: 'DELETE' }));

    const measurable = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Run 100 km', targetValue: 100, unit: 'km' } });
    expectDocumented(o.createGoal, measurable);
    const goalId = measurable.body.id as string;
    const { secret: analytics } = await ws.newKey({ scopes: ['write:analytics'] });
    const run = { goalId, value: 5, unit: 'km', measuredAt: '2026-06-15T07:30:00Z', note: 'Morning run', clientId: 'doc-run' };
    const recorded = await ws.call(metricsRoute.POST, '/api/v1/metrics', {}, { method: 'POST', body: run, secret: analytics });
    expect(recorded.status).toBe(201);
    expectDocumented(o.recordMetric, recorded);
    const repeated = await ws.call(metricsRoute.POST, '/api/v1/metrics', {}, { method: 'POST', body: run, secret: analytics });
    expect(repeated.status).toBe(200);
    expectDocumented(o.recordMetric, repeated);
    expectDocumented(o.recordMetric, await ws.call(metricsRoute.POST, '/api/v1/metrics', {}, { method: 'POST', body: { ...run, value: 6 }, secret: analytics }));
    expectDocumented(o.listGoalMeasurements, await ws.call(measurementsRoute.GET, `/api/v1/goals/${goalId}/measurements`, { id: goalId }));

    const habit = await ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body: { name: 'Swim', schedule: 'times_per_week', timesPerWeek: 2 } });
    expectDocumented(o.createHabit, habit);
    const habitId = habit.body.id as string;
    expectDocumented(o.listHabits, await ws.call(habitsRoute.GET, '/api/v1/habits', {}));
    expectDocumented(o.getHabit, await ws.call(habitRoute.GET, `/api/v1/habits/${habitId}`, { id: habitId }));
    expectDocumented(o.logHabit, await ws.call(logsRoute.POST, `/api/v1/habits/${habitId}/logs`, { id: habitId }, { method: 'POST', body: { note: 'lengths' } }));
    expectDocumented(o.listHabitLogs, await ws.call(logsRoute.GET, `/api/v1/habits/${habitId}/logs`, { id: habitId }));
    expectDocumented(o.updateHabit, await ws.call(habitRoute.PATCH, `/api/v1/habits/${habitId}`, { id: habitId }, { method: 'PATCH', body: { archived: true } }));
    expectDocumented(o.getAnalyticsOverview, await ws.call(analyticsRoute.GET, '/api/v1/analytics/overview', {}));
    expectDocumented(o.deleteHabit, await ws.call(habitRoute.DELETE, `/api/v1/habits/${habitId}`, { id: habitId }, { method: 'DELETE' }));
  });

  it('for webhook endpoints and the event catalog', async () => {
    const o = operations;
    const admin = await apiWorkspace('admin');
    const { secret } = await admin.newKey({ scopes: ['webhooks:manage'] });
    const call: ApiWorkspace['call'] = (handler, path, params, options = {}) => admin.call(handler, path, params, { secret, ...options });
    // A public address as a literal: the SSRF guard resolves names, and tests have no DNS.
    const created = await call(webhooksRoute.POST, '/api/v1/webhooks', {}, { method: 'POST', body: { url: 'https://93.184.216.34/doc', eventTypes: ['goal.created'], headers: { 'X-Doc': '1' } } });
    expectDocumented(o.createWebhook, created);
    const id = created.body.id as string;
    expectDocumented(o.listWebhooks, await call(webhooksRoute.GET, '/api/v1/webhooks', {}));
    const read = await call(webhookRoute.GET, `/api/v1/webhooks/${id}`, { id });
    expectDocumented(o.getWebhook, read);
    expectDocumented(o.getWebhook, await call(webhookRoute.GET, `/api/v1/webhooks/${id}`, { id }, { headers: { 'if-none-match': read.headers.get('etag') ?? '' } }));
    expectDocumented(o.updateWebhook, await call(webhookRoute.PATCH, `/api/v1/webhooks/${id}`, { id }, { method: 'PATCH', body: { description: 'Documented' } }));
    expectDocumented(o.rotateWebhookSecret, await call(webhookRotateRoute.POST, `/api/v1/webhooks/${id}/rotate-secret`, { id }, { method: 'POST' }));
    expectDocumented(o.listWebhookDeliveries, await call(webhookDeliveriesRoute.GET, `/api/v1/webhooks/${id}/deliveries?status=bogus`, { id }));
    expectDocumented(o.sendWebhookTest, await call(webhookTestRoute.POST, `/api/v1/webhooks/${id}/test`, { id }, { method: 'POST', body: { eventType: 'nope' } }));
    expectDocumented(o.replayWebhookDeliveries, await call(webhookReplayRoute.POST, `/api/v1/webhooks/${id}/replay`, { id }, { method: 'POST', body: { since: 'yesterday' } }));
    expectDocumented(o.getWebhookDelivery, await call(deliveryRoute.GET, '/api/v1/webhook-deliveries/missing', { id: 'missing' }));
    expectDocumented(o.replayWebhookDelivery, await call(replayDeliveryRoute.POST, '/api/v1/webhook-deliveries/missing/replay', { id: 'missing' }, { method: 'POST' }));
    expectDocumented(o.listEventTypes, await call(eventTypesRoute.GET, '/api/v1/event-types', {}));
    expectDocumented(o.createWebhook, await call(webhooksRoute.POST, '/api/v1/webhooks', {}, { method: 'POST', body: { url: 'https://10.0.0.1/private' } }));
    expectDocumented(o.deleteWebhook, await call(webhookRoute.DELETE, `/api/v1/webhooks/${id}`, { id }, { method: 'DELETE' }));
  });

  it('for insights', async () => {
    const { secret } = await ws.newKey({ scopes: ['ai:coach'] });
    const goal = await db.goal.create({ data: { tenantId: ws.tenant.id, ownerId: ws.member.userId, title: 'Behind', progress: 0, targetDate: new Date(Date.now() + 10 * 86_400_000), createdAt: new Date(Date.now() - 30 * 86_400_000) } });
    await refreshMemberInsights(ws.tenant.id, ws.member.userId);
    const listed = await ws.call(insightsRoute.GET, '/api/v1/insights', {}, { secret });
    expect(listed.body.data?.map((item) => item.subject)).toContainEqual({ type: 'goal', id: goal.id, name: 'Behind' });
    expectDocumented(operations.listInsights, listed);
  });

  it('for installed apps', async () => {
    const admin = await apiWorkspace('admin');
    const app = await createMarketplaceApp();
    await installApp(admin.tenant, admin.member, app.slug, { versionId: app.versionId });
    // A paid one too (allowed by the operator: no Stripe here), with its price.
    const paid = await createMarketplaceApp();
    await db.appVersion.update({ where: { id: paid.versionId }, data: { pricing: 'flat', monthlyFeeCents: 900 } });
    await db.paidAppAllowance.create({ data: { tenantId: admin.tenant.id, appId: paid.id } });
    await installApp(admin.tenant, admin.member, paid.slug, { versionId: paid.versionId });
    const { secret } = await admin.newKey({ scopes: ['admin:all'] });
    const listed = await admin.call(installedAppsRoute.GET, '/api/v1/apps/installed', {}, { secret });
    expectDocumented(operations.listInstalledApps, listed);
    expect(listed.body).toMatchObject({
      data: [
        { app: { id: paid.id }, pricing: { model: 'flat', description: '$9.00 / month', monthlyFeeCents: 900, billedVia: 'operator', periodCalls: 0, estimatedCents: 900 } },
        { app: { id: app.id, slug: app.slug }, version: 1, installedBy: admin.member.email, needsReconsent: false, pricing: null },
      ],
      next_cursor: null,
    });
    // A key without admin:all (or an installed app's token) may not list them.
    expectDocumented(operations.listInstalledApps, await admin.call(installedAppsRoute.GET, '/api/v1/apps/installed', {}));
  });

  it('for problems: 400, 401, 403, 404, 409, 413, 415, 422 and 429', async () => {
    const o = operations;
    expectDocumented(o.getMe, await ws.call(meRoute.GET, '/api/v1/users/me', {}, { authorization: null }));
    const { secret: goalsOnly } = await ws.newKey({ scopes: ['read:goals'] });
    expectDocumented(o.getMe, await ws.call(meRoute.GET, '/api/v1/users/me', {}, { secret: goalsOnly }));
    expectDocumented(o.getGoal, await ws.call(goalRoute.GET, '/api/v1/goals/missing', { id: 'missing' }));
    expectDocumented(o.listGoals, await ws.call(goalsRoute.GET, '/api/v1/goals?limit=0', {}));
    expectDocumented(o.createGoal, await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'x', nope: true } }));
    expectDocumented(o.createGoal, await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: '{' }));
    expectDocumented(o.createGoal, await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }));
    expectDocumented(o.createGoal, await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(1_100_000) }) }));
    await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'One' }, headers: { 'idempotency-key': 'doc-409' } });
    expectDocumented(o.createGoal, await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Two' }, headers: { 'idempotency-key': 'doc-409' } }));
    const { secret: free } = await ws.newKey({ tier: 'free' });
    let limited: V1Answer | undefined;
    for (let i = 0; i < 11 && !limited; i++) {
      const answer = await ws.call(habitsRoute.GET, '/api/v1/habits', {}, { secret: free });
      if (answer.status === 429) limited = answer;
    }
    expect(limited).toBeDefined();
    if (limited) expectDocumented(o.listHabits, limited);
    expect([...new Set([...checked].map((entry) => entry.split(' ')[1]).filter((status) => status.startsWith('4')))].sort()).toEqual(['400', '401', '403', '404', '409', '413', '415', '422', '429']);
  });

  it("for the coach's refusals (its streamed events are checked against CoachStreamEvent in coach.test.ts)", async () => {
    const { secret } = await ws.newKey({ scopes: ['ai:coach'] });
    const ask = (body: unknown) => ws.call(coachMessagesRoute.POST, '/api/v1/coach/messages', {}, { method: 'POST', secret, body });
    // The tests' environment has no coach provider: 404 coach_not_configured.
    expectDocumented(operations.createCoachMessage, await ask({ message: 'Hi' }));
    expectDocumented(operations.createCoachMessage, await ask({ message: '' }));
  });
});
