import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient } from '@slack/web-api';
import { env } from '../../config/env.ts';
import { ProviderError, kindForStatus } from '../provider-error.ts';

// Every Slack call goes through here: one WebClient configuration and one error mapping.
// SLACK_API_BASE (tests: the fake server) replaces https://slack.com for the OAuth pages and
// the Web API alike. The SDK's own retries are off: a 429 is thrown at once with its
// Retry-After so our jobs wait and retry on their schedule instead of holding a worker.

export function slackBase(): string {
  return (env().SLACK_API_BASE ?? 'https://slack.com').replace(/\/+$/, '');
}

export function slackClient(token?: string): WebClient {
  return new WebClient(token, { slackApiUrl: `${slackBase()}/api/`, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 10_000 });
}

// Slack answers 200 with { ok: false, error } for most failures; these mean the grant is gone.
const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission', 'missing_scope', 'team_access_not_granted', 'org_login_required', 'ekm_access_denied']);
const GRANT_ERRORS = new Set(['invalid_code', 'code_already_used', 'invalid_refresh_token', 'invalid_grant_type']);
const NOT_FOUND_ERRORS = new Set(['channel_not_found', 'user_not_found', 'users_not_found']);
const UNAVAILABLE_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** The SDK's error (or anything thrown under a call) as a ProviderError. */
export function toProviderError(error: unknown, call: string): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof WebAPIRateLimitedError) return new ProviderError('rate_limited', `Slack ${call}: rate limited`, { status: 429, retryAfterSeconds: error.retryAfter, cause: error });
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    const kind = AUTH_ERRORS.has(code) ? 'auth' : GRANT_ERRORS.has(code) ? 'invalid_grant' : NOT_FOUND_ERRORS.has(code) ? 'not_found' : UNAVAILABLE_ERRORS.has(code) ? 'unavailable' : 'invalid';
    return new ProviderError(kind, `Slack ${call}: ${code}`, { status: 200, cause: error });
  }
  if (error instanceof WebAPIHTTPError) return new ProviderError(kindForStatus(error.statusCode), `Slack ${call}: HTTP ${error.statusCode}`, { status: error.statusCode, cause: error });
  if (error instanceof WebAPIRequestError) return new ProviderError('unavailable', `Slack ${call}: ${error.original.message}`, { cause: error });
  return new ProviderError('unavailable', `Slack ${call}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** Runs one Slack call, mapping its failure. */
export async function slackCall<T>(call: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toProviderError(error, call);
  }
}
