import { generateServiceProviderMetadata, SAML, ValidateInResponseTo, type CacheProvider, type SamlConfig } from '@node-saml/node-saml';
import type { SsoConnection } from '../db/generated/client.ts';
import { spCertificate } from './sp-certificate.ts';
import { acsUrl, spEntityId } from './sp-identity.ts';

// Waypoint's SAML service provider for one connection, built on @node-saml/node-saml (the
// library under passport-saml): it signs AuthnRequests per binding and verifies responses
// (signature over the assertion or the whole response with the connection's own certificates,
// one assertion only, signed content only, exact audience, validity window, InResponseTo).
// lib/sso/saml-response-checks.ts adds what it leaves out.

/** Clocks of IdPs and servers drift; a minute is what Okta and Entra document. */
export const CLOCK_SKEW_MS = 60_000;
/** An assertion is used seconds after it is issued: none is accepted later than this after its IssueInstant. */
export const MAX_ASSERTION_AGE_MS = 10 * 60_000;
/** How long a sign-in may stay at the IdP (sign-in, MFA enrolment) before its answer is refused. */
export const REQUEST_TTL_MS = 15 * 60_000;

const IDENTIFIER_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const DIGEST = 'http://www.w3.org/2001/04/xmlenc#sha256';

export type SpConnection = Pick<SsoConnection, 'id' | 'idpEntityId' | 'idpSsoUrl' | 'idpCertificates'>;

/** A cache that knows only the one request id a response may answer (node-saml asks it for InResponseTo). */
function expecting(requestId: string | null, onSave?: (id: string) => void): CacheProvider {
  return {
    saveAsync: async (key, value) => {
      onSave?.(key);
      return { value, createdAt: Date.now() };
    },
    getAsync: async (key) => (requestId !== null && key === requestId ? new Date().toISOString() : null),
    removeAsync: async (key) => key,
  };
}

function options(connection: SpConnection, postedTo: string, extra: Partial<SamlConfig>): SamlConfig {
  const cert = spCertificate();
  return {
    issuer: spEntityId(),
    audience: spEntityId(),
    callbackUrl: postedTo,
    entryPoint: connection.idpSsoUrl,
    idpIssuer: connection.idpEntityId,
    idpCert: connection.idpCertificates,
    privateKey: cert.privateKey,
    publicCert: cert.publicKey,
    decryptionPvk: cert.privateKey,
    signatureAlgorithm: 'sha256',
    digestAlgorithm: DIGEST,
    identifierFormat: IDENTIFIER_FORMAT,
    // Entra and Okta refuse a sign-in done with MFA or passkeys when a password context is requested.
    disableRequestedAuthnContext: true,
    // Either the assertion or the whole response must carry a valid signature.
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    maxAssertionAgeMs: MAX_ASSERTION_AGE_MS,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    ...extra,
  };
}

/** An AuthnRequest for the connection: its ID, and the redirect URL (signed per HTTP-Redirect: SigAlg and Signature in the query) or a POST form. */
export async function buildAuthnRequest(connection: SpConnection & { idpSsoBinding: string }, relayState: string, loginHint?: string): Promise<{ requestId: string } & ({ kind: 'redirect'; url: string } | { kind: 'form'; html: string })> {
  let requestId = '';
  const saml = new SAML(options(connection, acsUrl(connection.id), { validateInResponseTo: ValidateInResponseTo.always, cacheProvider: expecting(null, (id) => (requestId = id)) }));
  if (connection.idpSsoBinding === 'post') {
    const html = await saml.getAuthorizeFormAsync(relayState, undefined, {});
    return { requestId, kind: 'form', html };
  }
  // Entra and Google read login_hint from the query to skip asking for the address again.
  const url = await saml.getAuthorizeUrlAsync(relayState, undefined, loginHint ? { additionalParams: { login_hint: loginHint } } : {});
  return { requestId, kind: 'redirect', url };
}

/** Verifies a posted response against the connection: `requestId` for the SP-initiated sign-in it must answer, null for an unsolicited one. */
export function responseValidator(connection: SpConnection, postedTo: string, requestId: string | null): SAML {
  return new SAML(
    options(connection, postedTo, {
      validateInResponseTo: requestId === null ? ValidateInResponseTo.never : ValidateInResponseTo.always,
      cacheProvider: expecting(requestId),
    }),
  );
}

/**
 * The SP metadata (node-saml): entity id, this connection's ACS URL (the shared one without a
 * connection), the signing and encryption certificate, WantAssertionsSigned and
 * AuthnRequestsSigned, and an enveloped signature by the SP key over the whole document.
 */
export function spMetadataXml(connectionId?: string): string {
  const cert = spCertificate();
  return generateServiceProviderMetadata({
    issuer: spEntityId(),
    callbackUrl: acsUrl(connectionId),
    identifierFormat: IDENTIFIER_FORMAT,
    wantAssertionsSigned: true,
    privateKey: cert.privateKey,
    publicCerts: cert.publicKey,
    decryptionPvk: cert.privateKey,
    decryptionCert: cert.publicKey,
    signMetadata: true,
    signatureAlgorithm: 'sha256',
    digestAlgorithm: DIGEST,
  });
}
