import { randomBytes } from 'node:crypto';
import { AppError } from '../http/problem.ts';
import { getJackson } from './jackson.ts';
import { jacksonErrorMessage } from './jackson-error.ts';
import { INTERNAL_REDIRECT_URI } from './sp-identity.ts';
import { encodeState } from './sso-state.ts';

// SP-initiated sign-in: find the workspace's connection for an email (or the one an admin
// tests) and have Jackson build the AuthnRequest. The browser then goes to the IdP.

export type SsoStart =
  | { kind: 'redirect'; url: string }
  /** IdPs that only take HTTP-POST: an auto-submitting form to render as is. */
  | { kind: 'form'; html: string };

export interface StartInput {
  /** The connection, found by email or chosen by an admin's test. */
  connection: { jacksonClientId: string };
  /** scheme://host the person is on (a host proxy.ts resolved to this tenant). */
  origin: string;
  next: string;
  loginHint?: string;
  test?: boolean;
}

export async function startSsoSignIn(input: StartInput): Promise<SsoStart> {
  const { oauthController } = await getJackson();
  const state = encodeState({ v: 1, origin: input.origin, next: input.next, nonce: randomBytes(12).toString('base64url'), ...(input.test ? { test: true } : {}) });
  let result: Awaited<ReturnType<typeof oauthController.authorize>>;
  try {
    result = await oauthController.authorize({
      response_type: 'code',
      client_id: input.connection.jacksonClientId,
      redirect_uri: INTERNAL_REDIRECT_URI,
      state,
      code_challenge: '',
      code_challenge_method: '',
      ...(input.loginHint ? { login_hint: input.loginHint } : {}),
    });
  } catch (error) {
    const message = jacksonErrorMessage(error);
    if (!message) throw error;
    throw new AppError(409, 'sso_misconfigured', `Single sign-on could not start: ${message}`);
  }
  if (result.authorize_form) return { kind: 'form', html: result.authorize_form };
  if (result.redirect_url && !result.error && !result.redirect_url.startsWith(INTERNAL_REDIRECT_URI)) return { kind: 'redirect', url: result.redirect_url };
  throw new AppError(409, 'sso_misconfigured', 'Single sign-on could not start: the connection is misconfigured. Ask your administrator to check it.');
}
