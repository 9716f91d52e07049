import type { SAMLSSORecord } from '@boxyhq/saml-jackson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { closeJackson, getJackson } from '../../lib/sso/jackson.ts';
import { samlResponse } from '../support/saml-idp.ts';
import { SP_ENTITY_ID, acsUrlOf, authnRequestFor, completeIn, handoffOf, hostOf, postToAcs, ssoWorkspace, startSignIn, type SsoWorkspace } from '../support/sso.ts';

// Connections made before the IdP metadata moved onto SsoConnection have it only in Jackson's
// store, the way the old code created them. Their people must still sign in, with no admin
// pasting the metadata again.

let w: SsoWorkspace;

async function makeLegacy(workspace: SsoWorkspace, jacksonClientId: string): Promise<void> {
  await db.ssoConnection.update({ where: { id: workspace.connectionId }, data: { jacksonClientId, idpEntityId: '', idpSsoUrl: '', idpCertificates: [] } });
}

beforeAll(async () => {
  w = await ssoWorkspace();
  const { connectionAPIController } = await getJackson();
  // What createSsoConnection did before: Jackson kept the metadata under tenant + product.
  const record = (await connectionAPIController.createSAMLConnection({
    tenant: w.tenant.id,
    product: 'waypoint',
    name: 'Test IdP',
    rawMetadata: w.idp.metadataXml,
    redirectUrl: ['https://sso.waypoint.invalid/complete'],
    defaultRedirectUrl: 'https://sso.waypoint.invalid/complete',
  } as Parameters<typeof connectionAPIController.createSAMLConnection>[0])) as SAMLSSORecord;
  await makeLegacy(w, record.clientID);
});

afterAll(async () => {
  await closeJackson();
});

describe('a connection whose IdP metadata only Jackson holds', () => {
  it('imports the metadata on first use and signs the person in', async () => {
    const email = `legacy@${w.domain}`;
    const request = await authnRequestFor(w.tenant, email, '/goals');
    expect(request.ssoUrl).toBe(w.idp.ssoUrl);
    expect(request.acsUrl).toBe(acsUrlOf(w.connectionId));

    const connection = await db.ssoConnection.findUniqueOrThrow({ where: { id: w.connectionId } });
    expect(connection).toMatchObject({ idpEntityId: w.idp.entityId, idpSsoUrl: w.idp.ssoUrl, idpSsoBinding: 'redirect' });
    expect(connection.idpCertificates).toHaveLength(1);
    expect(connection.idpCertificates[0].replace(/-----[A-Z ]+-----|\s/g, '')).toBe(w.idp.cert.replace(/-----[A-Z ]+-----|\s/g, ''));

    const body = await samlResponse(w.idp, { acsUrl: request.acsUrl, audience: SP_ENTITY_ID, inResponseTo: request.id, email });
    const response = await completeIn(await postToAcs(body, request.relayState, { acsUrl: request.acsUrl }), request.cookie);
    expect(response.status).toBe(303);
    expect(handoffOf(response).url.host).toBe(hostOf(w.tenant));
  });

  it('still asks for the metadata when Jackson has none for it either', async () => {
    const other = await ssoWorkspace();
    await makeLegacy(other, 'no-such-jackson-client');
    const response = await startSignIn(other.tenant, { email: `someone@${other.domain}`, callbackUrl: '/' });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('metadata');
  });
});
