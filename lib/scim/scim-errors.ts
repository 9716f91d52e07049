// SCIM 2.0 errors and responses (RFC 7644 §3.12): every answer of the SCIM endpoints, errors
// included, is application/scim+json; errors carry the Error schema, the status as a string,
// a scimType for 400s and a detail a directory admin can act on. Never a 500 for bad input.
import { AppError } from '../http/problem.ts';
import { logger } from '../observability/logger.ts';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 table 9 (the ones we answer with). */
export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'sensitive';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
  }
}

export const scimBadRequest = (scimType: ScimType, detail: string) => new ScimError(400, detail, scimType);
export const scimNotFound = (detail: string) => new ScimError(404, detail);
export const scimConflict = (detail: string) => new ScimError(409, detail, 'uniqueness');
export const scimUnauthorized = (detail = 'The bearer token is missing or not valid for this directory.') => new ScimError(401, detail);
export const scimForbidden = (detail: string) => new ScimError(403, detail);

const BASE_HEADERS = { 'content-type': SCIM_CONTENT_TYPE, 'cache-control': 'no-store' };

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

export function scimNoContent(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

/** Anything thrown, as a SCIM error: ScimError as is, an AppError (413, 429…) by its status, the rest as a bare 500. */
export function scimErrorResponse(error: unknown): Response {
  let scimError: ScimError;
  if (error instanceof ScimError) scimError = error;
  else if (error instanceof AppError && error.status < 500) scimError = new ScimError(error.status, error.message);
  else {
    logger().error({ err: error }, 'scim: unexpected error');
    scimError = new ScimError(500, 'Something went wrong on our side. The identity provider will retry.');
  }
  const body = {
    schemas: [ERROR_SCHEMA],
    status: String(scimError.status),
    ...(scimError.scimType ? { scimType: scimError.scimType } : {}),
    detail: scimError.message,
  };
  const headers: Record<string, string> = {};
  if (scimError.status === 401) headers['www-authenticate'] = 'Bearer realm="SCIM"';
  const retryAfter = (error as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
  if (retryAfter) headers['retry-after'] = String(retryAfter);
  return scimJson(body, scimError.status, headers);
}

