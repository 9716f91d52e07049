import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';

// Reads what the ACS needs from a SAML response that Jackson has already validated: its issuer
// and its assertions' identities. An XML parser, not patterns, so entity and quoting tricks
// that canonicalization ignores cannot disguise a value.

export interface ResponseFacts {
  /** The Response's own Issuer (what Jackson looks the connection up by). */
  issuer: string | null;
  /** The ID of each Assertion, and for an encrypted one the digest of its cipher text. */
  assertionIds: string[];
}

function parse(xml: string): Document | null {
  try {
    return new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch {
    return null;
  }
}

export function responseFacts(xml: string): ResponseFacts {
  const doc = parse(xml);
  const root = doc?.documentElement;
  if (!doc || !root) return { issuer: null, assertionIds: [] };
  const issuerNode = Array.from(root.childNodes).find((node) => node.nodeType === 1 && (node as Element).localName === 'Issuer');
  const ids = Array.from(doc.getElementsByTagNameNS('*', 'Assertion'))
    .map((node) => node.getAttribute('ID'))
    .filter((id): id is string => !!id);
  const encrypted = Array.from(doc.getElementsByTagNameNS('*', 'EncryptedAssertion')).map(
    (node) => `enc:${createHash('sha256').update((node.textContent ?? '').replace(/\s+/g, '')).digest('hex')}`,
  );
  return { issuer: issuerNode?.textContent?.trim() || null, assertionIds: [...new Set([...ids, ...encrypted])] };
}
