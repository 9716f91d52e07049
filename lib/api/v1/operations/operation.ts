import type { z } from 'zod';
import type { Scope } from '../../../api-keys/scopes.ts';

// What one operation of the public API says about itself: its route, scope and tag, its
// input schemas and answers. lib/api/v1/operations.ts lists them all.

export type ProblemStatus = 400 | 404 | 409 | 413 | 415 | 422 | 502;

export interface ApiOperation {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  /** The route pattern, as logged and as written in the OpenAPI paths. */
  path: string;
  scope: Scope;
  tag: 'Users' | 'Goals' | 'Metrics' | 'Habits' | 'Analytics' | 'Coach' | 'Webhooks' | 'Apps';
  summary: string;
  description: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body may be left out (it has defaults for everything). */
  bodyOptional?: boolean;
  /** A valid body, for the documentation. */
  example?: Record<string, unknown>;
  /** `stream`: the body is Server-Sent Events, each one's data a `schema` (text/event-stream). */
  response: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType; stream?: boolean };
  /** A second success answer with the same body, e.g. 200 for a repeat of what a 201 created. */
  alsoAnswers?: { status: 200; description: string };
  /** GET by id: ETag and If-None-Match. */
  etag?: boolean;
  /** POST: Idempotency-Key. */
  idempotent?: boolean;
  /** Beyond 401, 403 and 429, which every operation can answer. */
  problems: readonly ProblemStatus[];
}

export const BODY_PROBLEMS: readonly ProblemStatus[] = [400, 413, 415, 422];
