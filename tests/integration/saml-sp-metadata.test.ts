import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import forge from 'node-forge';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import * as connectionMetadataRoute from '../../app/api/sso/metadata/[connectionId]/route.ts';
import * as metadataRoute from '../../app/api/sso/metadata/route.ts';
import { spCertificate } from '../../lib/sso/sp-certificate.ts';
import { SP_ENTITY_ID, acsUrlOf, ssoWorkspace, startSignIn, type SsoWorkspace } from '../support/sso.ts';

// What the customer's IdP sees of Waypoint: the SP metadata and the AuthnRequest. Signatures
// are checked with xml-crypto (metadata) and node-forge (HTTP-Redirect binding), not our code.

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
let w: SsoWorkspace;

beforeAll(async () => {
  w = await ssoWorkspace();
});

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

async function metadata(connectionId?: string): Promise<Response> {
  if (!connectionId) return metadataRoute.GET(new NextRequest('http://localhost:3100/api/sso/metadata'), { params: Promise.resolve({}) });
  return connectionMetadataRoute.GET(new NextRequest(`http://localhost:3100/api/sso/metadata/${connectionId}`), { params: Promise.resolve({ connectionId }) });
}

describe('SP metadata', () => {
  it('is signed by the SP key over the whole document, wants signed assertions and signs its requests', async () => {
    const xml = await (await metadata()).text();
    const doc = parse(xml);
    const signature = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
    expect(signature).toBeDefined();
    const verifier = new SignedXml({ publicCert: spCertificate().publicKey });
    verifier.loadSignature(signature);
    expect(verifier.checkSignature(xml)).toBe(true);
    // The reference is the EntityDescriptor itself.
    const root = doc.documentElement;
    expect(verifier.getReferences()[0].uri).toBe(`#${root.getAttribute('ID')}`);

    expect(root.getAttribute('entityID')).toBe(SP_ENTITY_ID);
    const sp = doc.getElementsByTagNameNS(MD, 'SPSSODescriptor')[0];
    expect(sp.getAttribute('WantAssertionsSigned')).toBe('true');
    expect(sp.getAttribute('AuthnRequestsSigned')).toBe('true');
    expect(xml).not.toMatch(/boxyhq|jackson/i);
  });

  it('names each connection’s own ACS URL in its own document, and 404s an unknown connection', async () => {
    const doc = parse(await (await metadata(w.connectionId)).text());
    expect(doc.getElementsByTagNameNS(MD, 'AssertionConsumerService')[0].getAttribute('Location')).toBe(acsUrlOf(w.connectionId));
    expect(doc.documentElement.getAttribute('entityID')).toBe(SP_ENTITY_ID);
    expect((await metadata('no-such-connection')).status).toBe(404);
  });
});

describe('AuthnRequest (HTTP-Redirect binding)', () => {
  it('is signed per the binding (SigAlg and Signature in the query, none in the XML) and names no vendor', async () => {
    const response = await startSignIn(w.tenant, { email: `ada@${w.domain}`, callbackUrl: '/' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    const query = location.slice(location.indexOf('?') + 1);
    const raw = new Map(query.split('&').map((pair) => pair.split('=') as [string, string]));
    // SAML bindings §3.4.4.1: the signature covers SAMLRequest, RelayState and SigAlg, URL-encoded as sent, in that order.
    const signed = ['SAMLRequest', 'RelayState', 'SigAlg'].map((name) => `${name}=${raw.get(name)}`).join('&');
    expect(decodeURIComponent(raw.get('SigAlg')!)).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    const publicKey = forge.pki.certificateFromPem(spCertificate().publicKey).publicKey as forge.pki.rsa.PublicKey;
    const digest = forge.md.sha256.create().update(signed, 'utf8');
    expect(publicKey.verify(digest.digest().bytes(), forge.util.decode64(decodeURIComponent(raw.get('Signature')!)))).toBe(true);
    // Any change to what was signed breaks it.
    expect(publicKey.verify(forge.md.sha256.create().update(`${signed}x`, 'utf8').digest().bytes(), forge.util.decode64(decodeURIComponent(raw.get('Signature')!)))).toBe(false);

    const xml = inflateRawSync(Buffer.from(decodeURIComponent(raw.get('SAMLRequest')!), 'base64')).toString('utf8');
    const request = parse(xml).documentElement;
    expect(xml).not.toMatch(/Signature|ProviderName|boxyhq|jackson/i);
    expect(request.getAttribute('AssertionConsumerServiceURL')).toBe(acsUrlOf(w.connectionId));
    expect(request.getAttribute('Destination')).toBe(w.idp.ssoUrl);
    expect(request.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Issuer')[0].textContent).toBe(SP_ENTITY_ID);
  });
});
