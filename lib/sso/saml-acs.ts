import { SamlStatusError, type Profile } from '@node-saml/node-saml';
import { db } from '../db/client.ts';
import { logger } from '../observability/logger.ts';
import { withIdpMetadata } from './legacy-connection.ts';
import { claimAssertion } from './replay-guard.ts';
import { checkVerifiedAssertion, readPostedResponse, ResponseRefused } from './saml-response-checks.ts';
import { answerRequest, COMPLETE_PATH, isPendingRelayState, pendingRequest } from './saml-requests.ts';
import { responseValidator } from './saml-sp.ts';
import { acsUrl } from './sp-identity.ts';
import { SsoSignInError } from './sso-error.ts';

// The assertion consumer service's core. Which connection a response is checked against comes
// from the sign-in request it answers (InResponseTo, with the RelayState we sent) or, for an
// unsolicited response, from the connection id in the ACS URL it was posted to; never from
// its issuer, which any workspace may have connected too. node-saml verifies it
// (lib/sso/saml-sp.ts), lib/sso/saml-response-checks.ts adds the rest, and each assertion is
// accepted once (lib/sso/replay-guard.ts).

export interface SsoProfile {
  email?: string;
  firstName?: string;
  lastName?: string;
  /** Every attribute, by name. */
  raw: Record<string, unknown>;
}

export interface SsoAssertion {
  tenantId: string;
  /** Our SsoConnection row. */
  connectionId: string;
  profile: SsoProfile;
  /** Where an SP-initiated sign-in started and returns to; null for IdP-initiated ones. */
  state: { origin: string; next: string; test: boolean } | null;
}

export type AcsOutcome =
  /** IdP-initiated: finish now (no browser to bind it to). */
  | { kind: 'idp'; assertion: SsoAssertion }
  /** SP-initiated: the browser that started it finishes it on the workspace's host. */
  | { kind: 'sp'; redirectUrl: string };

function refused(status: 400 | 403, message: string): SsoSignInError {
  return new SsoSignInError(status, 'sso_refused', message);
}

const said = (detail: string) => `Your identity provider's response was refused: ${detail}`;

/** node-saml's messages, as sentences for people. */
function reason(error: Error): string {
  if (error instanceof SamlStatusError) return `Your identity provider did not sign you in (${error.message.replace(/^SAML provider returned /, '')}).`;
  const known: [RegExp, string][] = [
    // node-saml requires NotOnOrAfter wherever Conditions or SubjectConfirmationData carry attributes.
    [/parsing NotOnOrAfter/i, 'the assertion does not say when it expires (NotOnOrAfter on its Conditions and SubjectConfirmationData).'],
    [/expired|too old|not yet valid|No valid subject confirmation/i, "the assertion has expired or is not valid yet. Check the identity provider's clock and sign in again."],
    [/audience/i, 'it was issued for another service provider (audience). Give the identity provider the SP entity ID shown in the SSO settings.'],
    [/InResponseTo/i, 'it answers a different sign-in request.'],
    [/issuer/i, "it comes from another identity provider than this connection's (issuer)."],
    [/signature|signed/i, "its signature is missing or does not match the identity provider's certificate in the connection."],
    [/multiple assertions|more than one/i, 'it must carry exactly one assertion.'],
  ];
  const match = known.find(([pattern]) => pattern.test(error.message));
  return said(match ? match[1] : 'it could not be verified.');
}

function first(value: unknown): string | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === 'string' && item.trim() ? item.trim() : undefined;
}

const CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/';

/** The person, from the attribute names Okta, Entra and Google send. */
function toProfile(profile: Profile): SsoProfile {
  const raw = { ...((profile.attributes as Record<string, unknown> | undefined) ?? {}) };
  const pick = (...names: string[]) => names.map((name) => first(raw[name])).find(Boolean);
  const nameId = first(profile.nameID);
  return {
    email: pick('email', `${CLAIM}emailaddress`, 'mail', 'urn:oid:0.9.2342.19200300.100.1.3') ?? (nameId?.includes('@') ? nameId : undefined),
    firstName: pick('firstName', `${CLAIM}givenname`, 'givenName', 'urn:oid:2.5.4.42'),
    lastName: pick('lastName', `${CLAIM}surname`, 'sn', 'urn:oid:2.5.4.4'),
    raw,
  };
}

function decode(samlResponse: string): string {
  const compact = samlResponse.replace(/\s+/g, '');
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw refused(400, 'The sign-in response is not a SAML response.');
  return Buffer.from(compact, 'base64').toString('utf8');
}

export async function consumeSamlResponse(input: { SAMLResponse: string; RelayState: string; connectionId?: string }): Promise<AcsOutcome> {
  const xml = decode(input.SAMLResponse);
  const postedTo = acsUrl(input.connectionId);
  try {
    const posted = readPostedResponse(xml, postedTo);

    // Which connection: the sign-in request it answers, else the ACS URL's.
    const request = posted.inResponseTo ? await pendingRequest(posted.inResponseTo) : null;
    if (posted.inResponseTo && (!request || request.id !== input.RelayState)) {
      throw refused(403, 'This sign-in response does not belong to a sign-in in progress (it may have been used already, or the sign-in took too long). Start again from the sign-in page.');
    }
    // A sign-in started here is answered with its InResponseTo; without one, an IdP-initiated
    // response could take over a sign-in in progress.
    if (!posted.inResponseTo && (await isPendingRelayState(input.RelayState))) throw refused(403, said('it does not say which sign-in request it answers (InResponseTo).'));
    if (request && input.connectionId && request.connectionId !== input.connectionId) throw refused(403, said('it was posted to the ACS URL of another connection.'));
    let connection = request?.connection ?? null;
    if (!request) {
      if (!input.connectionId) throw refused(403, 'This sign-in response answers no sign-in in progress. Sign-ins started from the identity provider must be sent to the connection’s own ACS URL (see the SSO settings).');
      connection = await db.ssoConnection.findUnique({ where: { id: input.connectionId } });
      if (!connection) throw refused(403, 'No workspace is connected through this ACS URL any more.');
      if (!connection.idpInitiated) throw refused(403, 'Sign-in from the identity provider’s dashboard is turned off for this workspace. Start from your workspace’s sign-in page.');
      connection = await withIdpMetadata(connection);
    }
    if (!connection) throw refused(403, 'No workspace is connected through this ACS URL any more.');

    let profile: Profile | null;
    try {
      ({ profile } = await responseValidator(connection, postedTo, request?.requestId ?? null).validatePostResponseAsync({ SAMLResponse: Buffer.from(xml).toString('base64') }));
    } catch (error) {
      if (typeof (error as { code?: unknown }).code === 'string') throw error;
      logger().warn({ err: error, connectionId: connection.id }, 'sso: SAML response refused');
      throw refused(403, reason(error as Error));
    }
    if (!profile) throw refused(403, said('it carries no assertion.'));
    const assertion = checkVerifiedAssertion((profile.getAssertion?.() as { Assertion: Parameters<typeof checkVerifiedAssertion>[0] }).Assertion, postedTo);
    if (!(await claimAssertion(connection.idpEntityId, assertion.id, assertion.expiresAt))) throw refused(403, 'This sign-in response was already used. Sign in again from the start.');

    const person = toProfile(profile);
    if (request) {
      if (!(await answerRequest(request.id, JSON.parse(JSON.stringify(person))))) throw refused(403, 'This sign-in response was already used. Sign in again from the start.');
      return { kind: 'sp', redirectUrl: `${request.origin}${COMPLETE_PATH}?${new URLSearchParams({ rs: request.id })}` };
    }
    return { kind: 'idp', assertion: { tenantId: connection.tenantId, connectionId: connection.id, profile: person, state: null } };
  } catch (error) {
    if (error instanceof ResponseRefused) throw refused(error.status, error.status === 400 ? error.message : said(error.message));
    throw error;
  }
}
