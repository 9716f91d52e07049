import type { Profile, SAMLSSORecord } from '@boxyhq/saml-jackson';
import { db } from '../db/client.ts';
import { getJackson } from './jackson.ts';
import { isJacksonError, jacksonErrorMessage } from './jackson-error.ts';
import { jacksonClientSecret } from './jackson-options.ts';
import { claimAssertions } from './replay-guard.ts';
import { responseFacts } from './saml-xml.ts';
import { INTERNAL_REDIRECT_URI, SSO_PRODUCT } from './sp-identity.ts';
import { SsoSignInError } from './sso-error.ts';
import { decodeState, type SsoState } from './sso-state.ts';
import { logger } from '../observability/logger.ts';

// The assertion consumer service's core: Jackson validates the SAMLResponse (signature with
// the connection's IdP certificate, audience = our entity id, NotBefore/NotOnOrAfter,
// InResponseTo of the SP-initiated session) and issues an OAuth code, which is exchanged
// here, in-process, for the profile. Which workspace it is for comes from the connection
// Jackson validated against, never from anything the browser sent.

export interface SsoAssertion {
  tenantId: string;
  /** Our SsoConnection row. */
  connectionId: string;
  profile: Profile;
  /** Set for SP-initiated sign-ins (where to return); null for IdP-initiated ones. */
  state: SsoState | null;
}

const MAX_RESPONSE_CHARS = 2_000_000;

function refused(status: 400 | 403, message: string): SsoSignInError {
  return new SsoSignInError(status, 'sso_refused', message);
}

function decode(samlResponse: string): string {
  const compact = samlResponse.replace(/\s+/g, '');
  if (!compact || compact.length > MAX_RESPONSE_CHARS || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw refused(400, 'The sign-in response is not a SAML response.');
  const xml = Buffer.from(compact, 'base64').toString('utf8');
  if (!/<([A-Za-z0-9_-]+:)?Response[\s>]/.test(xml)) throw refused(400, 'The sign-in response is not a SAML response.');
  return xml;
}

/** Jackson's "access_denied - Invalid audience." style errors, as a sentence for people. */
function reason(error: string): string {
  const detail = error.replace(/^[a-z_]+ - /, '').replace(/^[a-z]+-[a-z]+-[a-z]+: /, '');
  const known: [RegExp, string][] = [
    [/expired/i, "the assertion has expired. Check the identity provider's clock and sign in again."],
    [/audience/i, 'it was issued for another service provider (audience). Give the identity provider the SP entity ID shown in the SSO settings.'],
    [/InResponseTo/i, 'it answers a different sign-in request.'],
    [/signature|Invalid assertion/i, "its signature is missing or does not match the identity provider's certificate in the connection."],
  ];
  const match = known.find(([pattern]) => pattern.test(detail));
  return `Your identity provider's response was refused: ${match ? match[1] : detail}`;
}

export async function consumeSamlResponse(input: { SAMLResponse: string; RelayState: string }): Promise<SsoAssertion> {
  const xml = decode(input.SAMLResponse);
  const { oauthController, connectionAPIController } = await getJackson();

  let result: Awaited<ReturnType<typeof oauthController.samlResponse>>;
  try {
    // Never forward an idp_hint from the request: Jackson would use that connection as given.
    result = await oauthController.samlResponse({ SAMLResponse: input.SAMLResponse.replace(/\s+/g, ''), RelayState: input.RelayState });
  } catch (error) {
    if (isJacksonError(error)) {
      const message = jacksonErrorMessage(error) ?? 'refused';
      if (/state from the origin/i.test(message)) throw refused(403, 'This sign-in response does not belong to a sign-in in progress (it may have been used already, or the sign-in took too long). Start again from the sign-in page.');
      if (/connection not found/i.test(message)) throw refused(403, 'No workspace is connected to the identity provider that sent this response.');
      throw refused(error.statusCode >= 500 || error.statusCode === 400 ? 400 : 403, reason(message));
    }
    // Database and network failures carry a string code (ECONNREFUSED, 57P01): ours, a 500.
    if (typeof (error as { code?: unknown }).code === 'string') throw error;
    // Anything else is the XML parser choking on what was posted.
    logger().warn({ err: error }, 'sso: unreadable SAMLResponse');
    throw refused(400, 'The sign-in response could not be read.');
  }
  if (result.app_select_form) throw refused(400, 'This identity provider is connected more than once. Start from your workspace’s sign-in page.');
  if (result.error || !result.redirect_url) throw refused(403, reason(result.error ?? 'invalid response'));

  const redirect = new URL(result.redirect_url);
  const code = redirect.searchParams.get('code');
  if (!code || !result.redirect_url.startsWith(INTERNAL_REDIRECT_URI)) throw refused(403, reason(redirect.searchParams.get('error_description') ?? 'invalid response'));

  const facts = responseFacts(xml);
  if (!(await claimAssertions(facts))) throw refused(403, 'This sign-in response was already used. Sign in again from the start.');

  const token = await oauthController.token({ code, grant_type: 'authorization_code', redirect_uri: INTERNAL_REDIRECT_URI, client_id: 'dummy', client_secret: jacksonClientSecret() });
  const profile = await oauthController.userInfo(token.access_token);
  const requested = (profile.requested ?? {}) as { tenant?: string; product?: string; client_id?: string; isIdPFlow?: boolean };
  if (!requested.tenant || requested.product !== SSO_PRODUCT) throw refused(403, 'This response is for a connection Waypoint does not manage.');

  // The connection Jackson validated against: the SP-initiated session's, else the issuer's.
  let clientId = requested.isIdPFlow ? undefined : requested.client_id;
  if (!clientId) {
    const records = (await connectionAPIController.getConnections({ tenant: requested.tenant, product: SSO_PRODUCT })) as SAMLSSORecord[];
    clientId = records.find((record) => record.idpMetadata.entityID === facts.issuer)?.clientID;
  }
  const connection = clientId ? await db.ssoConnection.findFirst({ where: { jacksonClientId: clientId, tenantId: requested.tenant } }) : null;
  if (!connection) throw refused(403, 'This identity provider is no longer connected to the workspace.');

  return { tenantId: connection.tenantId, connectionId: connection.id, profile, state: requested.isIdPFlow ? null : decodeState(redirect.searchParams.get('state')) };
}

