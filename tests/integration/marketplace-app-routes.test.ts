import { beforeAll, describe, expect, it } from 'vitest';
import * as assetRoute from '../../app/api/marketplace/assets/[assetId]/route.ts';
import * as operatorApp from '../../app/api/operator/apps/[appId]/route.ts';
import * as reviewRoute from '../../app/api/operator/app-reviews/[versionId]/route.ts';
import * as queueRoute from '../../app/api/operator/app-reviews/route.ts';
import * as appRoute from '../../app/api/partner/apps/[appId]/route.ts';
import * as imagesRoute from '../../app/api/partner/apps/[appId]/images/route.ts';
import * as versionRoute from '../../app/api/partner/apps/[appId]/version/route.ts';
import * as appsRoute from '../../app/api/partner/apps/route.ts';
import { db } from '../../lib/db/client.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';
import { callRoute } from '../support/app-client.ts';
import { createPartner, logoPng, type TestPartner } from '../support/partner-apps.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The partner and operator routes over the route builder: status codes, field errors, and
// isolation as a client sees them (the services' rules are in marketplace-apps.test.ts).

const root = 'localhost:3100';

describe('marketplace app routes', () => {
  let a: TestPartner;
  let b: TestPartner;
  let cookieA: string;
  let cookieB: string;
  let operatorCookie: string;
  let appId: string;
  let versionId: string;

  beforeAll(async () => {
    a = await createPartner();
    b = await createPartner();
    cookieA = await sessionCookie(a.actor.userId, null);
    cookieB = await sessionCookie(b.actor.userId, null);
    operatorCookie = await sessionCookie((await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } })).id, null);
  });

  it('creates an app (201, secrets in the answer), lists it, 422 with field errors on bad input', async () => {
    const created = await callRoute(appsRoute.POST, { method: 'POST', host: root, cookie: cookieA, path: '/api/partner/apps', json: { name: 'Route App', category: 'crm' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ clientSecret: expect.stringMatching(/^wps_/), webhookSecret: expect.any(String), app: { status: 'draft' } });
    appId = (created.body.app as { id: string }).id;
    versionId = (created.body.app as { openVersion: { id: string } }).openVersion.id;
    const list = await callRoute(appsRoute.GET, { host: root, cookie: cookieA, path: '/api/partner/apps' });
    expect((list.body.apps as { id: string }[]).map((app) => app.id)).toEqual([appId]);
    const bad = await callRoute(appsRoute.POST, { method: 'POST', host: root, cookie: cookieA, path: '/api/partner/apps', json: { name: '', category: 'toys' } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: { name: expect.any(String), category: expect.any(String) } });
    const patch = await callRoute(versionRoute.PATCH, { method: 'PATCH', host: root, cookie: cookieA, path: `/api/partner/apps/${appId}/version`, params: { appId }, json: { redirectUris: ['https://*.x.test/cb'] } });
    expect(patch.status).toBe(422);
    expect(patch.body).toMatchObject({ errors: { 'redirectUris.0': expect.stringMatching(/wildcard/i) } });
  });

  it("another partner's app is a 404; no session is a 401; a cross-site write is a 403", async () => {
    expect((await callRoute(appRoute.GET, { host: root, cookie: cookieB, path: `/api/partner/apps/${appId}`, params: { appId } })).status).toBe(404);
    expect((await callRoute(versionRoute.PATCH, { method: 'PATCH', host: root, cookie: cookieB, path: `/api/partner/apps/${appId}/version`, params: { appId }, json: { tagline: 'x' } })).status).toBe(404);
    expect((await callRoute(appRoute.GET, { host: root, path: `/api/partner/apps/${appId}`, params: { appId } })).status).toBe(401);
    expect((await callRoute(versionRoute.PATCH, { method: 'PATCH', host: root, cookie: cookieA, origin: 'https://evil.test', path: `/api/partner/apps/${appId}/version`, params: { appId }, json: { tagline: 'x' } })).status).toBe(403);
  });

  it('uploads a logo as raw bytes; the image is served to the partner, not to strangers', async () => {
    const upload = await callRoute(imagesRoute.POST, { method: 'POST', host: root, cookie: cookieA, path: `/api/partner/apps/${appId}/images?kind=logo`, params: { appId }, body: new Uint8Array(logoPng()) as unknown as string, contentType: 'image/png' });
    expect(upload.status).toBe(201);
    const assetId = (upload.body as { id: string }).id;
    const mine = await callRoute(assetRoute.GET, { host: root, cookie: cookieA, path: `/api/marketplace/assets/${assetId}`, params: { assetId } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('cache-control')).toContain('private');
    expect((await callRoute(assetRoute.GET, { host: root, cookie: cookieB, path: `/api/marketplace/assets/${assetId}`, params: { assetId } })).status).toBe(404);
    expect((await callRoute(assetRoute.GET, { host: root, path: `/api/marketplace/assets/${assetId}`, params: { assetId } })).status).toBe(404);
    const badKind = await callRoute(imagesRoute.POST, { method: 'POST', host: root, cookie: cookieA, path: `/api/partner/apps/${appId}/images?kind=banner`, params: { appId }, body: 'x', contentType: 'image/png' });
    expect(badKind.status).toBe(422);
  });

  it('the operator reads the queue and the app, and decisions answer 409 / 422 as the state and input say', async () => {
    const queue = await callRoute(queueRoute.GET, { host: root, cookie: operatorCookie, path: '/api/operator/app-reviews?status=open&minAgeDays=0' });
    expect(queue.status).toBe(200);
    expect((await callRoute(queueRoute.GET, { host: root, cookie: operatorCookie, path: '/api/operator/app-reviews?minAgeDays=-3' })).status).toBe(422);
    expect((await callRoute(queueRoute.GET, { host: root, cookie: cookieA, path: '/api/operator/app-reviews' })).status).toBe(403);
    const app = await callRoute(operatorApp.GET, { host: root, cookie: operatorCookie, path: `/api/operator/apps/${appId}`, params: { appId } });
    expect(app.body).toMatchObject({ id: appId, reviewVersion: { id: versionId, status: 'draft' }, checklist: expect.any(Array) });
    const approve = await callRoute(reviewRoute.POST, { method: 'POST', host: root, cookie: operatorCookie, path: `/api/operator/app-reviews/${versionId}`, params: { versionId }, json: { decision: 'approve' } });
    expect(approve.status).toBe(409);
    const junk = await callRoute(reviewRoute.POST, { method: 'POST', host: root, cookie: operatorCookie, path: `/api/operator/app-reviews/${versionId}`, params: { versionId }, json: { decision: 'bless' } });
    expect(junk.status).toBe(422);
    expect((await callRoute(operatorApp.PATCH, { method: 'PATCH', host: root, cookie: operatorCookie, path: `/api/operator/apps/${appId}`, params: { appId }, json: { featured: true } })).status).toBe(409);
  });
});
