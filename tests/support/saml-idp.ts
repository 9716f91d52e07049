import { randomBytes } from 'node:crypto';
import { saml20 } from '../../lib/sso/saml20.ts';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { generateSpCertificate } from '../../lib/sso/sp-certificate.ts';

// A test identity provider: metadata to paste into Waypoint, and real SAML responses signed
// (response and assertion, RSA-SHA256) by its key with @boxyhq/saml20, the library Jackson
// itself uses to issue responses. Options make the refused kinds: unsigned, signed by another
// key, expired, for another audience.

export interface TestIdp {
  entityId: string;
  ssoUrl: string;
  cert: string;
  key: string;
  metadataXml: string;
}

/** `secure: false` gives http:// URLs (a browser test posts from the IdP page to http://localhost without a mixed-form warning). */
export function createTestIdp(name = 'idp', { secure = true }: { secure?: boolean } = {}): TestIdp {
  const host = `${name}-${randomBytes(4).toString('hex')}.idp.test`;
  const scheme = secure ? 'https' : 'http';
  const entityId = `${scheme}://${host}/metadata`;
  const ssoUrl = `${scheme}://${host}/sso`;
  const { publicKey: cert, privateKey: key } = generateSpCertificate(`Test IdP ${name}`);
  const metadataXml = saml20.createIdPMetadataXML({ ssoUrl, entityId, x509cert: cert, wantAuthnRequestsSigned: false });
  return { entityId, ssoUrl, cert, key, metadataXml };
}

export interface ResponseOptions {
  acsUrl: string;
  /** The SP entity id the assertion is for. */
  audience: string;
  /** The AuthnRequest's ID (SP-initiated); omit for an IdP-initiated response. */
  inResponseTo?: string;
  email: string;
  firstName?: string;
  lastName?: string;
  /** Extra attributes, e.g. { groups: ['admins'] }. */
  attributes?: Record<string, string | string[]>;
  /** Negative: already expired. */
  ttlInMinutes?: number;
  /** Sign with this key pair instead of the IdP's (a forgery). */
  signWith?: { cert: string; key: string };
  unsigned?: boolean;
}

function stripSignatures(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  for (const node of Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature'))) node.parentNode?.removeChild(node);
  return new XMLSerializer().serializeToString(doc);
}

/** A base64 SAMLResponse, as an IdP would post it. */
export async function samlResponse(idp: TestIdp, options: ResponseOptions): Promise<string> {
  const signer = options.signWith ?? { cert: idp.cert, key: idp.key };
  const raw = {
    email: options.email,
    ...(options.firstName ? { firstName: options.firstName } : {}),
    ...(options.lastName ? { lastName: options.lastName } : {}),
    ...options.attributes,
  };
  const xml = await saml20.createSAMLResponse({
    audience: options.audience,
    issuer: idp.entityId,
    acsUrl: options.acsUrl,
    claims: { email: options.email, raw },
    requestId: options.inResponseTo ?? '',
    privateKey: signer.key,
    publicKey: signer.cert,
    ttlInMinutes: options.ttlInMinutes,
  });
  return Buffer.from(options.unsigned ? stripSignatures(xml) : xml).toString('base64');
}

/** The AuthnRequest and RelayState from Jackson's redirect to the IdP (HTTP-Redirect binding). */
export async function readAuthnRequest(redirectUrl: string): Promise<{ id: string; acsUrl: string; issuer: string; relayState: string; ssoUrl: string }> {
  const url = new URL(redirectUrl);
  const request = url.searchParams.get('SAMLRequest');
  if (!request) throw new Error(`no SAMLRequest in ${redirectUrl}`);
  const xml = await saml20.decodeBase64(request, true);
  const parsed = await saml20.parseSAMLRequest(xml, false);
  return { id: parsed.id, acsUrl: parsed.acsUrl, issuer: parsed.audience, relayState: url.searchParams.get('RelayState') ?? '', ssoUrl: `${url.origin}${url.pathname}` };
}

/** The IdP's answer page: an auto-submitting HTTP-POST of the response to the ACS. */
export function autoPostForm(acsUrl: string, samlResponseBase64: string, relayState: string): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html><body><form method="post" action="${escape(acsUrl)}"><input type="hidden" name="SAMLResponse" value="${escape(samlResponseBase64)}"><input type="hidden" name="RelayState" value="${escape(relayState)}"><noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script></body></html>`;
}
