import { DOMParser } from '@xmldom/xmldom';
import { CLOCK_SKEW_MS, MAX_ASSERTION_AGE_MS } from './saml-sp.ts';

// The checks node-saml leaves to its caller, in two halves. Before it: the posted document's
// shape (no DOCTYPE, one Response holding exactly one assertion anywhere, so no wrapping
// shape, and a Destination that is the URL it was posted to). After it, on the assertion whose
// signature it verified: the bearer confirmation's Recipient is that URL, and the assertion
// says when it expires (NotOnOrAfter on its Conditions or its confirmation, both honoured).

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export class ResponseRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 = 403,
  ) {
    super(message);
  }
}

export interface PostedResponse {
  xml: string;
  /** The Response's InResponseTo: which AuthnRequest it claims to answer (unsigned until node-saml checks it). */
  inResponseTo: string | null;
}

/** Reads the posted document's shape; throws ResponseRefused for anything but one Response with one assertion, posted to `postedTo`. */
export function readPostedResponse(xml: string, postedTo: string): PostedResponse {
  // Entities and external subsets are where XML parsers get attacked; SAML never needs them.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ResponseRefused('The sign-in response carries a DOCTYPE, which SAML responses never do.', 400);
  let doc: Document;
  try {
    doc = new DOMParser({ onError: (level: string) => { if (level !== 'warning') throw new Error('malformed'); } }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch {
    throw new ResponseRefused('The sign-in response is not well-formed XML.', 400);
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'Response' || root.namespaceURI !== PROTOCOL) throw new ResponseRefused('The sign-in response is not a SAML response.', 400);
  // Counted anywhere in the document, whatever the namespace prefix: a second (nested,
  // wrapped, or hidden in an Extensions or Object element) is how signature wrapping works.
  const count = (name: string) => doc.getElementsByTagNameNS('*', name).length;
  if (count('Assertion') + count('EncryptedAssertion') !== 1) throw new ResponseRefused('it must carry exactly one assertion.');
  if (count('Response') !== 1) throw new ResponseRefused('it must be a single Response.');
  const destination = root.getAttribute('Destination');
  if (destination !== postedTo) {
    throw new ResponseRefused(destination ? `it was sent to ${destination}, not to this ACS URL (${postedTo}).` : `it names no Destination; the identity provider must send it to ${postedTo}.`);
  }
  return { xml, inResponseTo: root.getAttribute('InResponseTo') || null };
}

type Node2Js = { $?: Record<string, string>; [child: string]: unknown };

function children(node: Node2Js | undefined, name: string): Node2Js[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as Node2Js[]) : [];
}

function time(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Checks the verified assertion (node-saml's xml2js form, prefixes stripped) and returns until
 * when it must be remembered as used: its earliest NotOnOrAfter, capped by the maximum age.
 */
export function checkVerifiedAssertion(assertion: Node2Js, postedTo: string, now = Date.now()): { id: string; expiresAt: Date } {
  const id = assertion.$?.ID;
  if (!id) throw new ResponseRefused('The assertion has no ID.', 400);
  const confirmations = children(children(assertion, 'Subject')[0], 'SubjectConfirmation').filter((c) => c.$?.Method === BEARER);
  const data = confirmations.flatMap((c) => children(c, 'SubjectConfirmationData')).filter((d) => d.$?.Recipient === postedTo);
  if (data.length === 0) throw new ResponseRefused(`its subject confirmation is not for this ACS URL (Recipient must be ${postedTo}).`);
  const confirmationEnd = time(data[0].$?.NotOnOrAfter);
  const conditionsEnd = time(children(assertion, 'Conditions')[0]?.$?.NotOnOrAfter);
  const ends = [confirmationEnd, conditionsEnd].filter((end): end is number => end !== null);
  if (ends.length === 0) throw new ResponseRefused('the assertion does not say when it expires (NotOnOrAfter on its Conditions and SubjectConfirmationData).');
  // node-saml checks the Conditions; the confirmation's window is checked here for every flow.
  if (confirmationEnd !== null && now - CLOCK_SKEW_MS >= confirmationEnd) throw new ResponseRefused('the assertion has expired.');
  const issued = time(assertion.$?.IssueInstant);
  if (issued === null) throw new ResponseRefused('the assertion has no IssueInstant.', 400);
  return { id, expiresAt: new Date(Math.min(...ends, issued + MAX_ASSERTION_AGE_MS) + CLOCK_SKEW_MS) };
}
