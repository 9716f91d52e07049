import { describe, expect, it } from 'vitest';
import { codeSamples, curlSample, javascriptSample, pythonLiteral, pythonSample, rubyLiteral, rubySample, rubyString, shellQuote, type SampleRequest } from '../../lib/api/docs/code-samples.ts';
import { constraintsOf, exampleFromSchema, fieldsOf, refOf, typeLabel } from '../../lib/api/docs/json-schema.ts';
import type { OpenApiDocument } from '../../lib/api/docs/openapi-types.ts';
import { operationsOf, sampleRequestFor } from '../../lib/api/docs/reference.ts';
import { buildOpenApiDocument } from '../../lib/api/v1/openapi.ts';

// The samples must run as written. JavaScript is compiled here; the shell, Python and Ruby
// quoting is checked against the characters that break each language's strings.
const AsyncFunction = (async () => {}).constructor as new (code: string) => () => Promise<unknown>;

const tricky = 'It\'s "#{x}" $HOME \\ é\n';

const post: SampleRequest = {
  method: 'POST',
  url: 'https://acme.example.com/api/v1/goals',
  headers: {},
  idempotencyKey: true,
  body: { title: tricky, done: false, note: null, tags: ['a'], nested: { n: 1.5 } },
  expectsBody: true,
};
const get: SampleRequest = { method: 'GET', url: 'https://acme.example.com/api/v1/goals?limit=5', headers: {}, idempotencyKey: false, expectsBody: true };
const remove: SampleRequest = { method: 'DELETE', url: 'https://acme.example.com/api/v1/goals/g1', headers: {}, idempotencyKey: false, expectsBody: false };

describe('cURL', () => {
  it('quotes words for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME')).toBe(`'$HOME'`);
  });

  it('reads the key from the environment and sends the body as JSON', () => {
    const sample = curlSample(post);
    expect(sample).toContain(`curl -X POST 'https://acme.example.com/api/v1/goals'`);
    expect(sample).toContain('-H "Authorization: Bearer $WAYPOINT_API_KEY"');
    expect(sample).toContain(`-H 'Content-Type: application/json'`);
    expect(sample).toContain('-H "Idempotency-Key: $(uuidgen)"');
    expect(sample).toContain(`--data '{\n  "title": "It'\\''s \\"#{x}\\" $HOME \\\\ é\\n"`);
  });

  it('leaves out -X, Content-Type and --data on a GET', () => {
    expect(curlSample(get)).toBe(`curl 'https://acme.example.com/api/v1/goals?limit=5' \\\n  -H "Authorization: Bearer $WAYPOINT_API_KEY"`);
  });
});

describe('JavaScript', () => {
  it('compiles, for every kind of request', () => {
    for (const req of [post, get, remove]) expect(() => new AsyncFunction(javascriptSample(req))).not.toThrow();
  });

  it('sends the key, a fresh Idempotency-Key and the body', () => {
    const sample = javascriptSample(post);
    expect(sample).toContain('fetch("https://acme.example.com/api/v1/goals", {');
    expect(sample).toContain('method: "POST"');
    expect(sample).toContain('Authorization: `Bearer ${process.env.WAYPOINT_API_KEY}`');
    expect(sample).toContain('"Idempotency-Key": crypto.randomUUID()');
    expect(sample).toContain('body: JSON.stringify({');
    expect(sample).toContain('console.log(await response.json());');
  });

  it('does not parse a body that a 204 does not have', () => {
    expect(javascriptSample(remove)).toContain('console.log(response.status);');
    expect(javascriptSample(remove)).not.toContain('JSON.stringify');
  });
});

describe('Python', () => {
  it('writes JSON as Python literals', () => {
    expect(pythonLiteral({ a: true, b: false, c: null, d: [1, 'x'], e: {}, f: [] })).toBe('{\n    "a": True,\n    "b": False,\n    "c": None,\n    "d": [\n        1,\n        "x",\n    ],\n    "e": {},\n    "f": [],\n}');
    expect(pythonLiteral(tricky)).toBe(JSON.stringify(tricky));
  });

  it('uses requests with the method, headers and json body', () => {
    const sample = pythonSample(post);
    expect(sample.startsWith('import os\nimport uuid\n\nimport requests\n')).toBe(true);
    expect(sample).toContain('response = requests.post(\n    "https://acme.example.com/api/v1/goals",');
    expect(sample).toContain(`"Authorization": f"Bearer {os.environ['WAYPOINT_API_KEY']}"`);
    expect(sample).toContain('"Idempotency-Key": str(uuid.uuid4())');
    expect(sample).toContain('json={\n        "title":');
    expect(pythonSample(get)).not.toContain('uuid');
    expect(pythonSample(remove)).toContain('requests.delete(');
    expect(pythonSample(remove)).toContain('print(response.status_code)');
  });
});

describe('Ruby', () => {
  it('escapes # so nothing interpolates', () => {
    expect(rubyString('#{x}')).toBe('"\\#{x}"');
    expect(rubyLiteral({ a: null, b: [true] })).toBe('{\n  "a" => nil,\n  "b" => [\n    true\n  ]\n}');
  });

  it('uses net/http with the right request class', () => {
    const sample = rubySample(post);
    expect(sample).toContain('require "securerandom"');
    expect(sample).toContain('request = Net::HTTP::Post.new(uri)');
    expect(sample).toContain('request["Authorization"] = "Bearer #{ENV.fetch("WAYPOINT_API_KEY")}"');
    expect(sample).toContain('request["Idempotency-Key"] = SecureRandom.uuid');
    expect(sample).toContain('request.body = JSON.generate({\n  "title" => "It\'s \\"\\#{x}\\" $HOME \\\\ é\\n"');
    expect(rubySample(remove)).toContain('Net::HTTP::Delete.new(uri)');
    expect(rubySample(get)).not.toContain('securerandom');
  });
});

// A small document with the shapes the generator meets: $refs, a type list, anyOf with null,
// path, query and header parameters, an example on one and not another.
const doc: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Test', version: '1' },
  paths: {
    '/api/v1/things/{id}/parts/{partId}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      post: {
        operationId: 'addPart',
        tags: ['Things'],
        security: [{ bearerAuth: ['write:things'] }],
        parameters: [
          { name: 'partId', in: 'path', required: true, schema: { type: 'string', example: 'p 1/2' } },
          { name: 'mode', in: 'query', required: true, schema: { type: 'string', enum: ['fast', 'slow'] }, example: 'fast' },
          { name: 'verbose', in: 'query', required: false, schema: { type: 'boolean' } },
          { name: 'X-Trace', in: 'header', required: true, example: 'abc' },
          { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PartCreate' } } } },
        responses: { '201': { description: 'Made.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Part' } } } }, '404': { $ref: '#/components/responses/NotFound' } },
      },
      delete: { operationId: 'deletePart', responses: { '204': { description: 'Gone.' } } },
    },
  },
  components: {
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
    responses: { NotFound: { description: 'Not here.', content: { 'application/problem+json': { schema: { type: 'object' } } } } },
    schemas: {
      PartCreate: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 80 },
          size: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
          at: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
          id: { type: 'string', readOnly: true },
          owner: { $ref: '#/components/schemas/Owner' },
          labels: { type: 'array', items: { type: 'string', enum: ['red', 'blue'] } },
        },
      },
      Owner: { type: 'object', properties: { email: { type: 'string', format: 'email' }, since: { type: ['string', 'null'], format: 'date' } } },
      Part: { allOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }] },
    },
  },
};

describe('reading JSON schemas', () => {
  const schemas = doc.components!.schemas!;

  it('names types readably', () => {
    const props = schemas.PartCreate.properties!;
    expect(typeLabel(doc, props.name)).toBe('string');
    expect(typeLabel(doc, props.at)).toBe('string (date-time) | null');
    expect(typeLabel(doc, props.owner)).toBe('Owner');
    expect(typeLabel(doc, props.labels)).toBe('array of "red" | "blue"');
    expect(typeLabel(doc, schemas.Owner.properties!.since)).toBe('string (date) | null');
    expect(refOf({ anyOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] })).toBe('Owner');
    expect(refOf({ type: 'array', items: { $ref: '#/components/schemas/Part' } })).toBe('Part');
  });

  it('lists fields, merging allOf parts', () => {
    expect(fieldsOf(doc, schemas.Part).map((f) => [f.name, f.required])).toEqual([
      ['email', false],
      ['since', false],
      ['id', true],
    ]);
  });

  it('states limits, leaving out the safe-integer range zod writes on every int', () => {
    expect(constraintsOf(doc, schemas.PartCreate.properties!.name)).toEqual(['1–80 characters']);
    expect(constraintsOf(doc, schemas.PartCreate.properties!.size)).toEqual([]);
    expect(constraintsOf(doc, { type: 'integer', minimum: 1, maximum: 100, default: 20 })).toEqual(['1–100', 'default 20']);
  });

  it('makes an example from the schema, without read-only fields', () => {
    expect(exampleFromSchema(doc, { $ref: '#/components/schemas/PartCreate' })).toEqual({
      name: 'string',
      size: 0,
      at: '2031-01-31T09:00:00.000Z',
      owner: { email: 'person@example.com', since: '2031-01-31' },
      labels: ['red'],
    });
    expect(exampleFromSchema(doc, { type: 'integer', exclusiveMinimum: 0 })).toBe(1);
    expect(exampleFromSchema(doc, { type: 'string', example: 'given' })).toBe('given');
  });
});

describe('sampleRequestFor', () => {
  const [add, del] = operationsOf(doc);

  it('flattens operations with their scope and resolved parameters and responses', () => {
    expect([add.method, add.path, add.scopes, add.tag]).toEqual(['POST', '/api/v1/things/{id}/parts/{partId}', ['write:things'], 'Things']);
    expect(add.parameters.map((p) => p.name)).toEqual(['id', 'partId', 'mode', 'verbose', 'X-Trace', 'Idempotency-Key']);
    expect(add.responses.map((r) => [r.status, r.description, r.contentType])).toEqual([
      ['201', 'Made.', 'application/json'],
      ['404', 'Not here.', 'application/problem+json'],
    ]);
    expect(del.tag).toBe('Other');
  });

  it('fills path parameters, required query parameters and headers, and the example body', () => {
    const req = sampleRequestFor(doc, add, 'https://acme.example.com/');
    expect(req.url).toBe('https://acme.example.com/api/v1/things/<id>/parts/p%201%2F2?mode=fast');
    expect(req.headers).toEqual({ 'X-Trace': 'abc' });
    expect(req.idempotencyKey).toBe(true);
    expect(req.expectsBody).toBe(true);
    expect(req.body).toMatchObject({ name: 'string', labels: ['red'] });
    expect(sampleRequestFor(doc, del, 'https://acme.example.com')).toMatchObject({ method: 'DELETE', body: undefined, expectsBody: false, idempotencyKey: false });
  });
});

describe('the public API document', () => {
  const api = buildOpenApiDocument() as unknown as OpenApiDocument;
  const operations = operationsOf(api);

  it('documents GET /api/v1/goals with its scope', () => {
    const list = operations.find((op) => op.method === 'GET' && op.path === '/api/v1/goals');
    expect(list?.scopes).toEqual(['read:goals']);
    expect(list?.parameters.map((p) => p.name)).toContain('cursor');
  });

  it('gives every operation four samples on the workspace origin, and JavaScript that compiles', () => {
    for (const op of operations) {
      const samples = codeSamples(sampleRequestFor(api, op, 'http://acme.localhost:3000'));
      expect(Object.keys(samples)).toEqual(['curl', 'javascript', 'python', 'ruby']);
      for (const sample of Object.values(samples)) expect(sample).toContain('http://acme.localhost:3000/api/v1/');
      expect(() => new AsyncFunction(samples.javascript), op.id).not.toThrow();
    }
  });
});
