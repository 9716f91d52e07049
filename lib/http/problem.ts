// The one error type of the app and its one mapping to application/problem+json (RFC 9457).
import { ZodError } from 'zod';
import { databaseErrorToAppError } from './database-errors.ts';
import { requestLogger } from '../observability/logger.ts';
import type { ErrorCode, StatusOf } from './error-codes.ts';

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
  502: 'Bad Gateway',
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
  return databaseErrorToAppError(error) ?? new AppError(500, 'internal_error', 'Something went wrong on our side. Try again in a moment.');
}

export interface ProblemOptions {
  /** The path the problem occurred on (RFC 9457 "instance"). */
  instance?: string;
  /** The request's id: in the body, so a person reporting the error can quote it. */
  requestId?: string | null;
  /**
   * Translates `detail` and the field messages for a person reading them in the app's own
   * pages (lib/i18n/server-text.ts). The API leaves it out: its sentences stay English.
   */
  translate?: (english: string) => string;
}

/** The problem+json answer for anything thrown; a 500 is logged with the error and the request id. */
export function problemResponse(error: unknown, options: string | ProblemOptions = {}): Response {
  const { instance, requestId, translate = (english: string) => english } = typeof options === 'string' ? { instance: options } : options;
  const appError = toAppError(error);
  if (appError.status >= 500 && appError.code === 'internal_error') requestLogger({ requestId }).error({ err: error, path: instance }, 'unexpected error');
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' };
  const retryAfter = (appError as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (retryAfter) headers['retry-after'] = String(retryAfter);
  const body = {
    type: `https://docs.waypoint.dev/errors/${appError.code}`,
    title: TITLES[appError.status] ?? 'Error',
    status: appError.status,
    detail: translate(appError.message),
    code: appError.code,
    ...(appError.fields ? { errors: Object.fromEntries(Object.entries(appError.fields).map(([field, message]) => [field, translate(message)])) } : {}),
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
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
