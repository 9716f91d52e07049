// The one error type of the app and its one mapping to application/problem+json (RFC 9457).
import { ZodError } from 'zod';
import { ERROR_CODES, type ErrorCode, type StatusOf } from './error-codes.ts';

export type FieldErrors = Record<string, string>;

/** An error meant for the caller: a registered code (lib/http/error-codes.ts) with its status. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: StatusOf<C>,
    readonly code: C,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldErrors) => new AppError(400, 'bad_request', message, fields);
export const validationFailed = (fields: FieldErrors, message = 'Some fields need attention.') => new AppError(422, 'validation_failed', message, fields);
export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You do not have access to this.') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const conflict = (message: string, fields?: FieldErrors) => new AppError(409, 'conflict', message, fields);
export const tooManyRequests = (message: string, retryAfterSeconds: number) => Object.assign(new AppError(429, 'rate_limited', message), { retryAfterSeconds });

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationFailed(zodFieldErrors(error));
  return new AppError(500, 'internal_error', 'Something went wrong on our side. Try again in a moment.');
}

export function problemResponse(error: unknown, instance?: string): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) console.error(error);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' };
  const retryAfter = (appError as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (retryAfter) headers['retry-after'] = String(retryAfter);
  const body = {
    type: `https://docs.waypoint.dev/errors/${appError.code}`,
    title: TITLES[appError.status] ?? 'Error',
    status: appError.status,
    detail: appError.message,
    code: appError.code,
    ...(appError.fields ? { errors: appError.fields } : {}),
    ...(instance ? { instance } : {}),
  };
  const json = JSON.stringify(body);
  headers['content-length'] = String(Buffer.byteLength(json));
  return new Response(json, { status: appError.status, headers });
}

/** Parses input with a zod schema; invalid input becomes a 422 AppError with per-field messages. */
export function parseInput<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: ZodError } }, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(zodFieldErrors(result.error));
  return result.data;
}
