import { deref, exampleFromSchema } from './json-schema.ts';
import type { SampleRequest } from './code-samples.ts';
import type { OpenApiDocument, OperationObject, ParameterObject, PathItemObject, SchemaObject } from './openapi-types.ts';

// The OpenAPI document flattened into what the docs page shows for each operation, with
// every $ref of parameters, bodies and responses followed (schemas keep theirs, so types
// read as "Goal" rather than a wall of fields).

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface ResponseDoc {
  status: string;
  description: string;
  contentType: string | null;
  schema: SchemaObject | null;
  headers: string[];
}

export interface OperationDoc {
  id: string;
  /** Upper case, e.g. "GET". */
  method: string;
  path: string;
  summary: string;
  description: string;
  tag: string;
  /** The scopes the key needs (from the operation's security requirement). */
  scopes: string[];
  parameters: ParameterObject[];
  requestBody: { required: boolean; schema: SchemaObject; example: unknown } | null;
  responses: ResponseDoc[];
}

function parametersOf(doc: OpenApiDocument, item: PathItemObject, operation: OperationObject): ParameterObject[] {
  const all = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref<ParameterObject>(doc, p));
  // An operation's parameter replaces the path item's of the same name and place.
  return all.filter((p, i) => !all.slice(i + 1).some((later) => later.name === p.name && later.in === p.in));
}

function requestBodyOf(doc: OpenApiDocument, operation: OperationObject): OperationDoc['requestBody'] {
  if (!operation.requestBody) return null;
  const body = deref(doc, operation.requestBody);
  const media = body.content?.['application/json'];
  if (!media?.schema) return null;
  return { required: body.required ?? false, schema: media.schema, example: media.example ?? exampleFromSchema(doc, media.schema) };
}

function responsesOf(doc: OpenApiDocument, operation: OperationObject): ResponseDoc[] {
  return Object.entries(operation.responses ?? {}).map(([status, value]) => {
    const response = deref(doc, value);
    const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [null, null];
    return { status, description: response.description ?? '', contentType, schema: media?.schema ?? null, headers: Object.keys(response.headers ?? {}) };
  });
}

/** Every operation of the document, in its path order, methods in a fixed order. */
export function operationsOf(doc: OpenApiDocument): OperationDoc[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      return [
        {
          id: operation.operationId ?? `${method}-${path}`,
          method: method.toUpperCase(),
          path,
          summary: operation.summary ?? '',
          description: operation.description ?? '',
          tag: operation.tags?.[0] ?? 'Other',
          scopes: [...new Set((operation.security ?? []).flatMap((requirement) => Object.values(requirement).flat()))],
          parameters: parametersOf(doc, item, operation),
          requestBody: requestBodyOf(doc, operation),
          responses: responsesOf(doc, operation),
        },
      ];
    }),
  );
}

/** The value a sample sends for a parameter: its example, else a visible placeholder. */
function sampleValue(doc: OpenApiDocument, parameter: ParameterObject): { value: string; placeholder: boolean } {
  const example = parameter.example ?? (parameter.schema ? deref(doc, parameter.schema).example : undefined);
  return example === undefined ? { value: `<${parameter.name}>`, placeholder: true } : { value: String(example), placeholder: false };
}

/**
 * The request a code sample makes for an operation, on `baseUrl`: path parameters filled,
 * the required query parameters and headers, the example body, and a fresh Idempotency-Key
 * where the operation takes one.
 */
export function sampleRequestFor(doc: OpenApiDocument, operation: OperationDoc, baseUrl: string): SampleRequest {
  let path = operation.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const { value, placeholder } = sampleValue(doc, parameter);
    // A placeholder stays readable in the path; a real value is encoded like any other.
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, () => (placeholder ? value : encodeURIComponent(value)));
    else if (parameter.in === 'query' && parameter.required) query.set(parameter.name, value);
    else if (parameter.in === 'header' && parameter.required && parameter.name.toLowerCase() !== IDEMPOTENCY_HEADER) headers[parameter.name] = value;
  }
  const search = query.size ? `?${query}` : '';
  const success = operation.responses.find((r) => r.status.startsWith('2'));
  return {
    method: operation.method,
    url: `${baseUrl.replace(/\/$/, '')}${path}${search}`,
    headers,
    idempotencyKey: operation.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === IDEMPOTENCY_HEADER),
    body: operation.requestBody?.example,
    expectsBody: Boolean(success?.schema),
  };
}
