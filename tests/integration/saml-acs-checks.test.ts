import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { db } from '../../lib/db/client.ts';
import { closeAcsLimiters } from '../../lib/sso/acs-rate-limit.ts';
import { MAX_ASSERTION_AGE_MS } from '../../lib/sso/saml-sp.ts';
import { createSsoConnection } from '../../lib/sso/sso-connections.ts';
import { createTestIdp, SAML, SAMLP, samlResponse, XSW_VARIANTS, type ResponseOptions } from '../support/saml-idp.ts';
import { ACS_URL, SP_ENTITY_ID, acsUrlOf, authnRequestFor, completeIn, handoffOf, postToAcs, ssoWorkspace, type SsoWorkspace } from '../support/sso.ts';

// The ACS against hostile or sloppy responses, each made by the test IdP (@boxyhq/saml20 writes
// it, xml-crypto signs it) and then bent into the shape under test: audience prefixes, wrong
// Destination or Recipient, no expiry, missing InResponseTo, the eight XML signature wrapping
// shapes, DOCTYPE, oversize bodies, floods; and two workspaces connecting the same IdP.

let w: SsoWorkspace;

beforeAll(async () => {
  w = await ssoWorkspace();
});

afterAll(async () => {
  await closeAcsLimiters();
});

type Started = Awaited<ReturnType<typeof authnRequestFor>>;
const who = () => `p-${Math.random().toString(36).slice(2)}@${w.domain}`;

async function answer(request: Started, options: Partial<ResponseOptions> & { email: string }, cookie: string | null = request.cookie, workspace = w): Promise<Response> {
  const body = await samlResponse(workspace.idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, inResponseTo: request.id, ...options });
  return completeIn(await postToAcs(body, request.relayState, { acsUrl: request.acsUrl }), cookie);
}

async function text(response: Response): Promise<string> {
  return (await response.text()).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'");
}

async function signedIn(email: string): Promise<boolean> {
  return (await db.membership.count({ where: { tenantId: w.tenant.id, user: { email } } })) > 0;
}

function attr(doc: Document, localName: string, name: string, value: string | null): void {
  for (const node of Array.from(doc.getElementsByTagNameNS('*', localName))) {
    if (value === null) node.removeAttribute(name);
    else node.setAttribute(name, value);
  }
}

describe('a genuine SP-initiated sign-in', () => {
  it('is accepted with the signature on the assertion only, or on the response only', async () => {
    for (const sign of ['assertion', 'response', 'both'] as const) {
      const email = who();
      const response = await answer(await authnRequestFor(w.tenant, email), { email, sign });
      expect(response.status, sign).toBe(303);
      expect(handoffOf(response).url.pathname).toBe('/auth/handoff');
      expect(await signedIn(email)).toBe(true);
    }
  });
});

describe('audience, Destination, Recipient', () => {
  it('refuses an audience that only starts with our entity id', async () => {
    const email = who();
    const response = await answer(await authnRequestFor(w.tenant, email), { email, audience: `${SP_ENTITY_ID}.evil.example/x` });
    expect(response.status).toBe(403);
    expect(await text(response)).toMatch(/audience/);
    expect(await signedIn(email)).toBe(false);
  });

  it('refuses a Destination other than the ACS URL it was posted to, and none at all', async () => {
    for (const destination of ['https://evil.example/acs', `${ACS_URL}/someone-else`, null]) {
      const email = who();
      const response = await answer(await authnRequestFor(w.tenant, email), { email, edit: (doc) => (destination === null ? doc.documentElement.removeAttribute('Destination') : doc.documentElement.setAttribute('Destination', destination)) });
      expect(response.status, String(destination)).toBe(403);
      expect(await text(response)).toMatch(/Destination|sent to/);
      expect(await signedIn(email)).toBe(false);
    }
  });

  it('refuses a signed assertion whose Recipient is another ACS URL', async () => {
    const email = who();
    const response = await answer(await authnRequestFor(w.tenant, email), { email, edit: (doc) => attr(doc, 'SubjectConfirmationData', 'Recipient', 'https://evil.example/acs') });
    expect(response.status).toBe(403);
    expect(await text(response)).toMatch(/Recipient/);
    expect(await signedIn(email)).toBe(false);
  });
});

describe('expiry and replay', () => {
  it('refuses an assertion that never expires (no NotOnOrAfter anywhere)', async () => {
    const email = who();
    const response = await answer(await authnRequestFor(w.tenant, email), { email, edit: (doc) => { attr(doc, 'Conditions', 'NotOnOrAfter', null); attr(doc, 'SubjectConfirmationData', 'NotOnOrAfter', null); } });
    expect(response.status).toBe(403);
    expect(await text(response)).toMatch(/does not say when it expires/);
    expect(await signedIn(email)).toBe(false);
  });

  it('honours SubjectConfirmationData/@NotOnOrAfter alone, also for IdP-initiated sign-in', async () => {
    const past = new Date(Date.now() - 10 * 60_000).toISOString();
    const email = who();
    const sp = await answer(await authnRequestFor(w.tenant, email), { email, edit: (doc) => { attr(doc, 'Conditions', 'NotOnOrAfter', null); attr(doc, 'SubjectConfirmationData', 'NotOnOrAfter', past); } });
    expect(sp.status).toBe(403);
    expect(await text(sp)).toMatch(/expired/);

    const open = await ssoWorkspace({ idpInitiated: true });
    const other = `p-${Math.random().toString(36).slice(2)}@${open.domain}`;
    const url = acsUrlOf(open.connectionId);
    const idp = await postToAcs(await samlResponse(open.idp, { acsUrl: url, audience: SP_ENTITY_ID, email: other, edit: (doc) => attr(doc, 'SubjectConfirmationData', 'NotOnOrAfter', past) }), '', { acsUrl: url });
    expect(idp.status).toBe(403);
    expect(await text(idp)).toMatch(/expired/);
    expect(await db.user.count({ where: { email: { in: [email, other] } } })).toBe(0);
  });

  it('caps a long validity by the maximum assertion age', async () => {
    const email = who();
    const issued = new Date(Date.now() - MAX_ASSERTION_AGE_MS - 5 * 60_000).toISOString();
    const response = await answer(await authnRequestFor(w.tenant, email), { email, ttlInMinutes: 120, edit: (doc) => attr(doc, 'Assertion', 'IssueInstant', issued) });
    expect(response.status).toBe(403);
    expect(await text(response)).toMatch(/expired/);
    expect(await signedIn(email)).toBe(false);
  });

  it('remembers an accepted assertion until it expires, not a fixed week', async () => {
    const email = who();
    let assertionId = '';
    const before = Date.now();
    const response = await answer(await authnRequestFor(w.tenant, email), { email, ttlInMinutes: 3, edit: (doc) => (assertionId = doc.getElementsByTagNameNS(SAML, 'Assertion')[0].getAttribute('ID')!) });
    expect(response.status).toBe(303);
    const row = await db.samlAssertionUse.findUniqueOrThrow({ where: { id: createHash('sha256').update(`${w.idp.entityId}\n${assertionId}`).digest('hex') } });
    // NotOnOrAfter (3 minutes) plus a minute of clock skew.
    expect(row.expiresAt.getTime()).toBeGreaterThan(before + 3 * 60_000);
    expect(row.expiresAt.getTime()).toBeLessThan(Date.now() + 5 * 60_000);
  });
});

describe('InResponseTo and the browser that started the sign-in', () => {
  it('refuses a response without InResponseTo to a sign-in in progress, even where IdP-initiated sign-in is on', async () => {
    const open = await ssoWorkspace({ idpInitiated: true });
    const email = `p-${Math.random().toString(36).slice(2)}@${open.domain}`;
    const request = await authnRequestFor(open.tenant, email);
    const body = await samlResponse(open.idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, email });
    const response = await completeIn(await postToAcs(body, request.relayState, { acsUrl: request.acsUrl }), request.cookie);
    expect(response.status).toBe(403);
    expect(await text(response)).toMatch(/InResponseTo/);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it('refuses an InResponseTo of another sign-in, or with another RelayState', async () => {
    const email = who();
    const mine = await authnRequestFor(w.tenant, email);
    const theirs = await authnRequestFor(w.tenant, email);
    const crossed = await postToAcs(await samlResponse(w.idp, { acsUrl: mine.acsUrl, audience: SP_ENTITY_ID, inResponseTo: theirs.id, email }), mine.relayState, { acsUrl: mine.acsUrl });
    expect(crossed.status).toBe(403);
    expect(await signedIn(email)).toBe(false);
  });

  it('signs in only the browser that started the sign-in (cookie-bound relay state)', async () => {
    const email = who();
    const request = await authnRequestFor(w.tenant, email);
    const acs = await postToAcs(await samlResponse(w.idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, inResponseTo: request.id, email }), request.relayState, { acsUrl: request.acsUrl });
    expect(acs.status).toBe(303);
    // Posted into a victim's browser (login CSRF): no cookie, or the cookie of another sign-in.
    const other = await authnRequestFor(w.tenant, who());
    for (const cookie of [null, `${request.cookie.split('=')[0]}=${other.cookie.split('=')[1]}`]) {
      const refused = await completeIn(acs.clone(), cookie);
      expect(refused.status).toBe(403);
      expect(await text(refused)).toMatch(/not started in this browser/);
    }
    expect(await signedIn(email)).toBe(false);
    const finished = await completeIn(acs, request.cookie);
    expect(finished.status).toBe(303);
    expect(await signedIn(email)).toBe(true);
    expect((await completeIn(acs, request.cookie)).status).toBe(403);
  });

  it('refuses IdP-initiated sign-in unless the connection allows it (off by default)', async () => {
    const email = who();
    const url = acsUrlOf(w.connectionId);
    const body = await samlResponse(w.idp, { acsUrl: url, audience: SP_ENTITY_ID, email });
    const off = await postToAcs(body, '', { acsUrl: url });
    expect(off.status).toBe(403);
    expect(await text(off)).toMatch(/turned off/);
    // Unsolicited responses are never taken at the shared ACS (it cannot tell the connection).
    const shared = await postToAcs(await samlResponse(w.idp, { acsUrl: ACS_URL, audience: SP_ENTITY_ID, email }));
    expect(shared.status).toBe(403);
    expect(await signedIn(email)).toBe(false);
  });
});

describe('one assertion, signed, plain XML', () => {
  it.each(XSW_VARIANTS)('refuses the %s signature wrapping shape', async (variant) => {
    const email = who();
    const evilEmail = who();
    const response = await answer(await authnRequestFor(w.tenant, email), { email, xsw: { variant, evilEmail } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await signedIn(evilEmail)).toBe(false);
    expect(await signedIn(email)).toBe(false);
  });

  it('refuses two signed assertions in one response', async () => {
    const email = who();
    const response = await answer(await authnRequestFor(w.tenant, email), {
      email,
      edit: (doc) => {
        const assertion = doc.getElementsByTagNameNS(SAML, 'Assertion')[0];
        const second = assertion.cloneNode(true) as Element;
        second.setAttribute('ID', '_second');
        doc.documentElement.appendChild(second);
      },
    });
    expect(response.status).toBe(403);
    expect(await text(response)).toMatch(/exactly one assertion/);
    expect(await signedIn(email)).toBe(false);
  });

  it('refuses a DOCTYPE', async () => {
    const email = who();
    const response = await answer(await authnRequestFor(w.tenant, email), { email, prolog: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]>' });
    expect(response.status).toBe(400);
    expect(await text(response)).toMatch(/DOCTYPE/);
    expect(await signedIn(email)).toBe(false);
  });
});

describe('size and rate', () => {
  it('answers an oversize body 413 before parsing it', async () => {
    const huge = `<samlp:Response xmlns:samlp="${SAMLP}">${'<a/>'.repeat(480_000)}</samlp:Response>`;
    const started = performance.now();
    const response = await postToAcs(Buffer.from(huge).toString('base64'));
    expect(response.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('limits posts per client IP', async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await postToAcs('bm90IHNhbWw=', '', { ip })).status);
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    const limited = await postToAcs('bm90IHNhbWw=', '', { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits posts per connection, from however many IPs', async () => {
    const url = acsUrlOf(w.connectionId);
    let last = 0;
    for (let i = 0; i < 200 && last !== 429; i++) last = (await postToAcs('bm90IHNhbWw=', '', { acsUrl: url, ip: `203.0.113.${i % 250}` })).status;
    expect(last).toBe(429);
    // Another connection's ACS is not affected.
    expect((await postToAcs('bm90IHNhbWw=', '', { acsUrl: acsUrlOf('another-connection') })).status).toBe(400);
  });
});

describe('IdP entity ids are not owned by whoever pastes first', () => {
  it("lets workspace B connect Acme's IdP entity id without blocking or hijacking Acme's sign-in", async () => {
    const acme = await ssoWorkspace({ idpInitiated: true });
    const b = await ssoWorkspace({ idpInitiated: true });
    // B pastes metadata naming Acme's IdP entity id, with B's own certificate.
    const impostor = createTestIdp('impostor');
    const sameEntity = impostor.metadataXml.replaceAll(impostor.entityId, acme.idp.entityId);
    const bConnection = await createSsoConnection(b.tenant, b.owner, { name: 'Acme?', metadataXml: sameEntity });
    expect(bConnection.idpEntityId).toBe(acme.idp.entityId);
    const forged = { ...impostor, entityId: acme.idp.entityId };

    // Acme still signs in, SP- and IdP-initiated.
    const alice = `alice@${acme.domain}`;
    const request = await authnRequestFor(acme.tenant, alice);
    const sp = await completeIn(await postToAcs(await samlResponse(acme.idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, inResponseTo: request.id, email: alice }), request.relayState, { acsUrl: request.acsUrl }), request.cookie);
    expect(sp.status).toBe(303);
    const bob = `bob@${acme.domain}`;
    const acmeAcs = acsUrlOf(acme.connectionId);
    expect((await postToAcs(await samlResponse(acme.idp, { acsUrl: acmeAcs, audience: SP_ENTITY_ID, email: bob }), '', { acsUrl: acmeAcs })).status).toBe(303);
    expect(await db.membership.count({ where: { tenantId: acme.tenant.id, user: { email: { in: [alice, bob] } } } })).toBe(2);

    // B's key, signing as Acme's entity id, does not get into Acme.
    const mallory = `mallory@${acme.domain}`;
    const hijack = await postToAcs(await samlResponse(forged, { acsUrl: acmeAcs, audience: SP_ENTITY_ID, email: mallory }), '', { acsUrl: acmeAcs });
    expect(hijack.status).toBe(403);
    // Acme's genuine assertion, posted to B's ACS: names Acme's ACS, and B's certificate is not Acme's.
    const bAcs = acsUrlOf(bConnection.id);
    const stolen = await postToAcs(await samlResponse(acme.idp, { acsUrl: acmeAcs, audience: SP_ENTITY_ID, email: mallory }), '', { acsUrl: bAcs });
    expect(stolen.status).toBe(403);
    await db.ssoConnection.update({ where: { id: bConnection.id }, data: { idpInitiated: true } });
    const retargeted = await postToAcs(await samlResponse(acme.idp, { acsUrl: bAcs, audience: SP_ENTITY_ID, email: `x@${b.domain}` }), '', { acsUrl: bAcs });
    expect(retargeted.status).toBe(403);
    expect(await db.user.count({ where: { email: { in: [mallory, `x@${b.domain}`] } } })).toBe(0);
  });
});
