import OAuth2Server from '@node-oauth/oauth2-server';
import { toAppError } from '../http/problem.ts';
import { logger } from '../observability/logger.ts';

// The one error type of the /oauth/* endpoints is the OAuth library's OAuthError: its `name` is
// the RFC 6749 error code and its `code` the HTTP status. This file maps it (and anything else
// thrown) to the RFC's JSON shape: {"error", "error_description"}, never cached. The app's own
// /api/* routes keep application/problem+json (lib/http/problem.ts).

export const {
  OAuthError,
  AccessDeniedError,
  InvalidClientError,
  InvalidGrantError,
  InvalidRequestError,
  InvalidScopeError,
  ServerError,
  UnauthorizedClientError,
  UnsupportedGrantTypeError,
} = OAuth2Server;

export type OAuthErrorInstance = InstanceType<typeof OAuthError>;

export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/** RFC 6749 §5.2: error_description uses %x20-21 / %x23-5B / %x5D-7E only. */
export function describe(message: string): string {
  return message.replace(/"/g, "'").replace(/\\/g, '/').replace(/[^\x20-\x7e]/g, '');
}

export function oauthJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const json = JSON.stringify(body);
  return new Response(json, { status, headers: { 'content-type': 'application/json;charset=UTF-8', ...NO_STORE, ...headers } });
}

function toOAuthError(error: unknown): OAuthErrorInstance {
  if (error instanceof OAuthError) return error;
  // Body limits and the like from the shared readers, and database errors caused by the input.
  const appError = toAppError(error);
  if (appError.status < 500) return new InvalidRequestError(`Invalid request: ${appError.message}`, { code: appError.status });
  return new ServerError('Server error: something went wrong on our side; try again in a moment');
}

/**
 * The RFC error answer. invalid_client is always a 401 with a Basic challenge, whichever way the
 * client authenticated (RFC 6749 §5.2 requires it for HTTP Basic; a 401 must carry a challenge,
 * RFC 9110 §15.5.2), so clients see one answer to a wrong secret.
 */
export function oauthErrorResponse(error: unknown): Response {
  const oauthError = toOAuthError(error);
  if (oauthError.code >= 500) logger().error({ err: error }, 'oauth: unexpected error');
  const headers: Record<string, string> = {};
  let status = oauthError.code;
  if (oauthError.name === 'invalid_client') {
    status = 401;
    headers['www-authenticate'] = 'Basic realm="waypoint", charset="UTF-8"';
  }
  return oauthJson({ error: oauthError.name, error_description: describe(oauthError.message) }, status, headers);
}

/** The endpoints take POST only; any other method gets this (Next's own 405 has no body). */
export function postOnly(): Response {
  return oauthJson({ error: 'invalid_request', error_description: 'This endpoint accepts POST only' }, 405, { allow: 'POST' });
}
