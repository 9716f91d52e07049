import type { NextRequest } from 'next/server';
import { ZodError, type z } from 'zod';
import { validationFailed, zodFieldErrors, type FieldErrors } from './problem.ts';

// Validation of query strings and bodies with the v1 schemas: 422 with one message per field.
// An unknown field is reported under its own name, so a typo ("titel") is named, not hidden
// in a message about the object.

function fieldErrors(error: ZodError): FieldErrors {
  const unknown: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) unknown[[...issue.path, key].join('.')] = 'Unknown field: this endpoint does not accept it.';
  }
  const rest = error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
  return { ...unknown, ...(rest.length ? zodFieldErrors(new ZodError(rest)) : {}) };
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  // "_" holds what concerns the whole input, e.g. "Change at least one field."
  const named = Object.keys(fields).filter((key) => key !== '_');
  throw validationFailed(fields, named.length ? `Check the ${what}: ${named.join(', ')}.` : fields._);
}

export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return parseWith(schema, input, 'request body');
}

/** A repeated parameter counts once, with its last value. */
export function parseQuery<S extends z.ZodType>(schema: S, req: NextRequest): z.output<S> {
  return parseWith(schema, Object.fromEntries(req.nextUrl.searchParams), 'query parameters');
}
