import { AppError } from '../http/problem.ts';
import type { SsoConnection } from '../db/generated/client.ts';
import { withIdpMetadata } from './legacy-connection.ts';
import { bindingCookie, newBinding, saveRequest } from './saml-requests.ts';
import { buildAuthnRequest } from './saml-sp.ts';

// SP-initiated sign-in: a signed AuthnRequest to the connection's IdP, the sign-in remembered
// (SamlRequest) under a random RelayState, and a cookie that binds it to this browser.

export type SsoStart =
  | { kind: 'redirect'; url: string; cookie: string }
  /** IdPs that only take HTTP-POST: an auto-submitting form to render as is. */
  | { kind: 'form'; html: string; cookie: string };

export interface StartInput {
  /** The connection, found by email or chosen by an admin's test. */
  connection: SsoConnection;
  /** scheme://host the person is on (a host proxy.ts resolved to this tenant). */
  origin: string;
  next: string;
  loginHint?: string;
  test?: boolean;
}

export async function startSsoSignIn(input: StartInput): Promise<SsoStart> {
  const connection = await withIdpMetadata(input.connection);
  if (!connection.idpSsoUrl || connection.idpCertificates.length === 0) {
    throw new AppError(409, 'sso_misconfigured', 'Single sign-on could not start: the connection has no IdP metadata. Ask your administrator to paste the identity provider’s metadata again.');
  }
  const binding = newBinding();
  const request = await buildAuthnRequest(connection, binding.relayState, input.loginHint);
  await saveRequest({ tenantId: connection.tenantId, connectionId: connection.id, origin: input.origin, next: input.next, test: input.test }, binding, request.requestId);
  const cookie = bindingCookie(binding.relayState, binding.secret);
  return request.kind === 'form' ? { kind: 'form', html: request.html, cookie } : { kind: 'redirect', url: request.url, cookie };
}
