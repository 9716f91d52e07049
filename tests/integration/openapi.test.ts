import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import * as analyticsRoute from '../../app/api/v1/analytics/overview/route.ts';
import * as goalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as logsRoute from '../../app/api/v1/habits/[id]/logs/route.ts';
import * as habitRoute from '../../app/api/v1/habits/[id]/route.ts';
import * as habitsRoute from '../../app/api/v1/habits/route.ts';
import * as openapiRoute from '../../app/api/v1/openapi.json/route.ts';
import * as meRoute from '../../app/api/v1/users/me/route.ts';
import { buildOpenApiDocument } from '../../lib/api/v1/openapi.ts';
import { operations, type ApiOperation } from '../../lib/api/v1/operations.ts';
import { apiWorkspace, type ApiWorkspace, type V1Answer } from '../support/api-v1-client.ts';

// The document is checked twice: by a real OpenAPI validator, and against what the handlers
// really answer (each answer validated with Ajv against the document's response schema).

type Json = Record<string, unknown>;
type OperationObject = { operationId: string; parameters?: Json[]; requestBody?: Json; responses: Record<string, { content?: Record<string, { schema: Json }> }>; security: Json[]; 'x-required-scope': string };
type Document = { openapi: string; paths: Record<string, Record<string, OperationObject>>; components: { schemas: Record<string, Json> } };

const ROUTES: Record<string, Record<string, unknown>> = {
  '/api/v1/users/me': meRoute,
  '/api/v1/goals': goalsRoute,
  '/api/v1/goals/{id}': goalRoute,
  '/api/v1/habits': habitsRoute,
  '/api/v1/habits/{id}': habitRoute,
  '/api/v1/habits/{id}/logs': logsRoute,
  '/api/v1/analytics/overview': analyticsRoute,
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

  it('lists exactly the methods each route module exports', () => {
    for (const [path, module] of Object.entries(ROUTES)) {
      expect(Object.keys(module).sort(), path).toEqual(Object.keys(doc.paths[path]).map((method) => method.toUpperCase()).sort());
    }
  });

  it('is served publicly at /api/v1/openapi.json', async () => {
    const response = await openapiRoute.GET();
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
});
