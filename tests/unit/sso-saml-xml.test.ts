import { describe, expect, it } from 'vitest';
import { jacksonDatabaseUrl } from '../../lib/sso/jackson-database.ts';
import { responseFacts } from '../../lib/sso/saml-xml.ts';
import { decodeState, encodeState } from '../../lib/sso/sso-state.ts';

const RESPONSE = (assertion: string) =>
  `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1"><saml:Issuer>https://idp.example/metadata</saml:Issuer>${assertion}</samlp:Response>`;

describe('responseFacts', () => {
  it("reads the Response's issuer and the assertion ids", () => {
    expect(responseFacts(RESPONSE('<saml:Assertion ID="_a1"><saml:Issuer>https://idp.example/metadata</saml:Issuer></saml:Assertion>'))).toEqual({ issuer: 'https://idp.example/metadata', assertionIds: ['_a1'] });
  });

  it('sees through entity and quoting tricks that canonicalization ignores', () => {
    expect(responseFacts(RESPONSE("<saml:Assertion ID = '&#95;a1'/>")).assertionIds).toEqual(['_a1']);
    expect(responseFacts(RESPONSE('<x:Assertion xmlns:x="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1"/>')).assertionIds).toEqual(['_a1']);
  });

  it('identifies an encrypted assertion by its cipher text, whitespace aside', () => {
    const a = responseFacts(RESPONSE('<saml:EncryptedAssertion><CipherValue>QUJD\nREVG</CipherValue></saml:EncryptedAssertion>')).assertionIds;
    const b = responseFacts(RESPONSE('<saml:EncryptedAssertion> <CipherValue>QUJDREVG</CipherValue> </saml:EncryptedAssertion>')).assertionIds;
    expect(a).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('finds nothing in what is not XML', () => {
    expect(responseFacts('not xml at all')).toEqual({ issuer: null, assertionIds: [] });
  });
});

describe('SSO state', () => {
  it('round-trips and refuses anything else', () => {
    const state = { v: 1 as const, origin: 'http://acme.localhost:3000', next: '/goals', nonce: 'n' };
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(decodeState('garbage')).toBeNull();
    expect(decodeState(Buffer.from(JSON.stringify({ ...state, next: 'https://evil.example' })).toString('base64url'))).toBeNull();
    expect(decodeState(null)).toBeNull();
  });
});

describe("Jackson's database URL", () => {
  it('selects the jackson schema and keeps other options', () => {
    const url = new URL(jacksonDatabaseUrl('postgresql://u:p@db:5432/app?schema=public&sslmode=require&options=-c%20statement_timeout%3D5000'));
    expect(url.searchParams.get('options')).toBe('-c statement_timeout=5000 -c search_path=jackson');
    expect(url.searchParams.get('sslmode')).toBe('require');
    expect(url.searchParams.has('schema')).toBe(false);
    expect(url.searchParams.get('max_conns')).toBe('5');
  });
});
