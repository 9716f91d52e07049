import { randomBytes } from 'node:crypto';
import { saml20 } from '../../lib/sso/saml20.ts';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { generateSpCertificate } from '../../lib/sso/sp-certificate.ts';

// A test identity provider: metadata to paste into Waypoint, and real SAML responses. The
// response is written by @boxyhq/saml20 (an IdP library), then edited as a DOM when a test
// wants a defect (no expiry, another Destination, …) and signed (assertion, response or both,
// RSA-SHA256, exclusive C14N) with xml-crypto, independently of the code under test. Options
// make the refused kinds: unsigned, signed by another key, expired, for another audience, and
// the XML signature wrapping shapes (xswVariant).

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
  /** What carries the signature (default both, as Okta can; Entra signs the assertion). */
  sign?: 'both' | 'assertion' | 'response';
  /** Edits the unsigned response (remove NotOnOrAfter, change Destination, …) before it is signed. */
  edit?: (doc: Document) => void;
  /** Turns the signed response into a signature wrapping attack on behalf of `evilEmail` (see wrap()). */
  xsw?: { variant: XswVariant; evilEmail: string };
  /** Prepended to the XML as is (e.g. a DOCTYPE). */
  prolog?: string;
}

export const XSW_VARIANTS = ['XSW1', 'XSW2', 'XSW3', 'XSW4', 'XSW5', 'XSW6', 'XSW7', 'XSW8'] as const;
export type XswVariant = (typeof XSW_VARIANTS)[number];

export const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

function serialize(node: Node): string {
  return new XMLSerializer().serializeToString(node as never);
}

function stripSignatures(doc: Document): void {
  for (const node of Array.from(doc.getElementsByTagNameNS(DSIG, 'Signature'))) node.parentNode?.removeChild(node);
}

/** An enveloped RSA-SHA256 signature over the element `localName`, placed after its Issuer (as SAML requires). */
function signElement(xml: string, localName: 'Assertion' | 'Response', signer: { cert: string; key: string }): string {
  const path = localName === 'Response' ? `/*[local-name(.)='Response']` : `//*[local-name(.)='Assertion']`;
  const sig = new SignedXml({ privateKey: signer.key, publicCert: signer.cert, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
  sig.addReference({ xpath: path, digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256', transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'] });
  sig.computeSignature(xml, { location: { reference: `${path}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

function child(parent: Element, localName: string): Element | undefined {
  return Array.from(parent.childNodes).find((node): node is Element => node.nodeType === 1 && (node as Element).localName === localName);
}

/** A copy of `assertion` with a new ID, no signature, and the attacker's address as NameID and email. */
function evilCopy(assertion: Element, email: string): Element {
  const copy = assertion.cloneNode(true) as Element;
  copy.setAttribute('ID', `_evil${randomBytes(8).toString('hex')}`);
  const signature = child(copy, 'Signature');
  if (signature) copy.removeChild(signature);
  for (const node of Array.from(copy.getElementsByTagNameNS(SAML, 'NameID'))) node.textContent = email;
  for (const node of Array.from(copy.getElementsByTagNameNS(SAML, 'AttributeValue'))) if (node.textContent?.includes('@')) node.textContent = email;
  return copy;
}

/**
 * The XML signature wrapping shapes of Somorovsky et al., "On Breaking SAML" (USENIX Security
 * 2012), as SAML Raider builds them: the signed original stays somewhere its signature still
 * verifies, while an unsigned evil copy sits where a careless SP reads. XSW1–2 wrap the signed
 * Response, XSW3–8 the signed Assertion.
 */
function wrap(xml: string, variant: XswVariant, evilEmail: string): string {
  const doc = parse(xml);
  const response = doc.documentElement as unknown as Element;
  const assertion = child(response, 'Assertion')!;
  if (variant === 'XSW1' || variant === 'XSW2') {
    // The original Response goes inside (XSW1) or beside (XSW2) the evil Response's signature.
    const original = response.cloneNode(true) as Element;
    response.setAttribute('ID', `_evil${randomBytes(8).toString('hex')}`);
    response.replaceChild(evilCopy(assertion, evilEmail), assertion);
    const signature = child(response, 'Signature')!;
    const copiedSignature = signature.cloneNode(true) as Element;
    response.replaceChild(copiedSignature, signature);
    if (variant === 'XSW1') {
      const object = doc.createElementNS(DSIG, 'ds:Object');
      object.appendChild(original);
      copiedSignature.appendChild(object);
    } else {
      copiedSignature.parentNode!.insertBefore(original, copiedSignature);
    }
    return serialize(doc);
  }
  const evil = evilCopy(assertion, evilEmail);
  switch (variant) {
    case 'XSW3': // evil assertion before the signed one
      response.insertBefore(evil, assertion);
      break;
    case 'XSW4': // the signed assertion inside the evil one
      response.replaceChild(evil, assertion);
      evil.appendChild(assertion);
      break;
    case 'XSW5': // evil assertion carries the copied signature; the original is appended to the Response
      response.replaceChild(evil, assertion);
      evil.insertBefore(child(assertion, 'Signature')!.cloneNode(true), evil.childNodes[1] ?? null);
      response.appendChild(assertion);
      break;
    case 'XSW6': { // the original inside the evil assertion's copied signature
      response.replaceChild(evil, assertion);
      const signature = child(assertion, 'Signature')!.cloneNode(true) as Element;
      evil.insertBefore(signature, evil.childNodes[1] ?? null);
      const object = doc.createElementNS(DSIG, 'ds:Object');
      object.appendChild(assertion);
      signature.appendChild(object);
      break;
    }
    case 'XSW7': { // the original inside an Extensions element, the evil one where it was
      const extensions = doc.createElementNS(SAMLP, 'samlp:Extensions');
      response.replaceChild(evil, assertion);
      extensions.appendChild(assertion);
      response.insertBefore(extensions, evil);
      break;
    }
    case 'XSW8': { // the original inside an Object of a signature in the evil assertion
      response.replaceChild(evil, assertion);
      const signature = child(assertion, 'Signature')!;
      const copy = signature.cloneNode(true) as Element;
      assertion.removeChild(signature);
      const object = doc.createElementNS(DSIG, 'ds:Object');
      object.appendChild(assertion);
      copy.appendChild(object);
      evil.insertBefore(copy, evil.childNodes[1] ?? null);
      break;
    }
  }
  return serialize(doc);
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
  const written = await saml20.createSAMLResponse({
    audience: options.audience,
    issuer: idp.entityId,
    acsUrl: options.acsUrl,
    claims: { email: options.email, raw },
    requestId: options.inResponseTo ?? '',
    privateKey: signer.key,
    publicKey: signer.cert,
    ttlInMinutes: options.ttlInMinutes,
  });
  const doc = parse(written);
  stripSignatures(doc);
  // An IdP-initiated response answers no request: no InResponseTo at all (saml20 writes an empty one).
  if (!options.inResponseTo) for (const node of [doc.documentElement, ...Array.from(doc.getElementsByTagNameNS(SAML, 'SubjectConfirmationData'))]) (node as unknown as Element).removeAttribute('InResponseTo');
  options.edit?.(doc);
  let xml = serialize(doc);
  if (!options.unsigned) {
    const sign = options.sign ?? 'both';
    if (sign !== 'response') xml = signElement(xml, 'Assertion', signer);
    if (sign !== 'assertion') xml = signElement(xml, 'Response', signer);
  }
  if (options.xsw) xml = wrap(xml, options.xsw.variant, options.xsw.evilEmail);
  if (options.prolog) xml = `${options.prolog}${xml.replace(/^<\?xml[^>]*>/, '')}`;
  return Buffer.from(xml).toString('base64');
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
