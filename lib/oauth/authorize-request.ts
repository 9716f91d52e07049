import { db } from '../db/client.ts';
import { looksLike } from './oauth-credentials.ts';
import { appSelect, type OAuthAppRecord } from './oauth-clients.ts';
import { beyondAllowance, parseScopeParam } from './oauth-scopes.ts';
import { matchRedirectUri } from './redirect-uri.ts';

// Validation of an authorization request (RFC 6749 §4.1.1 with RFC 7636 PKCE), shared by the
// consent page and the decision. Errors about the client or its redirect URI are shown on the
// page and never redirected (the redirect URI cannot be trusted); every other error goes back
// to the app's redirect URI (§4.1.2.1).

/** The parameters the consent form carries back, as the app sent them. */
export const AUTHORIZATION_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce'] as const;

export type PageError = { kind: 'error_page'; error: 'invalid_request' | 'invalid_client' | 'invalid_redirect_uri'; description: string };

export interface ClientError {
  kind: 'redirect_error';
  redirectUri: string;
  error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope';
  description: string;
  state: string | null;
}

export interface ValidAuthorization {
  kind: 'valid';
  /** marketplaceApp: set for a partner's marketplace app (its maker is the partner, not the sandbox workspace). */
  app: OAuthAppRecord & { logoUrl: string | null; homepageUrl: string | null; tenant: { name: string }; marketplaceApp: { partner: { name: string } } | null };
  redirectUri: string;
  /** Whether the request named redirect_uri (then the token request must repeat it). */
  redirectUriGiven: boolean;
  state: string | null;
  scopes: string[];
  codeChallenge: string | null;
  /** OpenID Connect: echoed in the ID token, so the app can tie it to its request. */
  nonce: string | null;
}

export type ParsedAuthorization = PageError | ClientError | ValidAuthorization;

/** RFC 6749 Appendix A.5: state = 1*VSCHAR. */
const VSCHAR = /^[\x20-\x7e]+$/;
/** RFC 7636 §4.2: 43 to 128 unreserved characters. */
const CODE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;
/** Stored with the code and signed into the ID token: printable, and bounded. */
const NONCE = /^[\x20-\x7e]{1,255}$/;

const page = (error: PageError['error'], description: string): PageError => ({ kind: 'error_page', error, description });

export async function parseAuthorizationRequest(params: URLSearchParams): Promise<ParsedAuthorization> {
  for (const name of ['client_id', 'redirect_uri']) {
    if (params.getAll(name).length > 1) return page('invalid_request', `The request repeats ${name}.`);
  }
  const clientId = params.get('client_id');
  if (!clientId) return page('invalid_request', 'The request has no client_id, so we cannot tell which app is asking.');
  const app = looksLike('clientId', clientId)
    ? await db.oAuthApp.findUnique({ where: { clientId }, select: { ...appSelect, logoUrl: true, homepageUrl: true, tenant: { select: { name: true } }, marketplaceApp: { select: { partner: { select: { name: true } } } } } })
    : null;
  if (!app) return page('invalid_client', 'No app is registered with this client_id. It may have been deleted.');

  const requested = params.get('redirect_uri');
  let redirectUri: string | null;
  if (requested !== null) {
    redirectUri = matchRedirectUri(app.redirectUris, requested);
    if (!redirectUri) return page('invalid_redirect_uri', `The redirect_uri is not one ${app.name} registered, so we will not send you there.`);
  } else {
    if (app.redirectUris.length !== 1) return page('invalid_redirect_uri', `The request has no redirect_uri, and ${app.name} registered several.`);
    redirectUri = app.redirectUris[0];
  }

  // From here on, errors go back to the app.
  const rawState = params.get('state');
  const state = rawState && VSCHAR.test(rawState) ? rawState : null;
  const fail = (error: ClientError['error'], description: string): ClientError => ({ kind: 'redirect_error', redirectUri: redirectUri!, error, description, state });
  if (rawState && !state) return fail('invalid_request', 'state must be printable ASCII characters.');
  for (const name of params.keys()) {
    if (params.getAll(name).length > 1) return fail('invalid_request', `The request repeats ${name}.`);
  }

  const responseType = params.get('response_type');
  if (!responseType) return fail('invalid_request', 'response_type is missing; use response_type=code.');
  if (responseType !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');

  const codeChallenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (method !== null && method !== 'S256') return fail('invalid_request', method === 'plain' ? 'code_challenge_method plain is not allowed; use S256.' : 'code_challenge_method must be S256.');
  if (codeChallenge !== null) {
    if (!CODE_CHALLENGE.test(codeChallenge)) return fail('invalid_request', 'code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, and - . _ ~');
    if (method === null) return fail('invalid_request', 'Send code_challenge_method=S256 with code_challenge (plain is not allowed).');
  } else {
    if (method !== null) return fail('invalid_request', 'code_challenge is missing.');
    if (app.clientType === 'public') return fail('invalid_request', 'Public clients must use PKCE: send code_challenge and code_challenge_method=S256.');
  }

  const scopes = parseScopeParam(params.get('scope'));
  if (scopes === null) return fail('invalid_scope', 'scope is malformed: separate scopes with single spaces.');
  if (scopes.length === 0) return fail('invalid_scope', `Ask for at least one scope, e.g. scope=${app.allowedScopes[0] ?? 'read:goals'}.`);
  const beyond = beyondAllowance(scopes, app.allowedScopes);
  if (beyond.length > 0) return fail('invalid_scope', `${app.name} may not ask for ${beyond.join(', ')}.`);

  const nonce = params.get('nonce');
  if (nonce !== null && !NONCE.test(nonce)) return fail('invalid_request', 'nonce must be 1 to 255 printable ASCII characters.');

  return { kind: 'valid', app, redirectUri, redirectUriGiven: requested !== null, state, scopes, codeChallenge, nonce };
}

/** The fields of a request that the consent form must carry back, as given. */
export function carriedParams(source: URLSearchParams | Record<string, string>): Record<string, string> {
  const get = (name: string) => (source instanceof URLSearchParams ? source.get(name) : Object.hasOwn(source, name) ? source[name] : null);
  const carried: Record<string, string> = {};
  for (const name of AUTHORIZATION_PARAMS) {
    const value = get(name);
    if (typeof value === 'string') carried[name] = value;
  }
  return carried;
}
