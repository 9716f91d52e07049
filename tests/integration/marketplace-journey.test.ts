import { randomBytes } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as operatorPartnerRoute from '../../app/api/operator/partners/[partnerId]/route.ts';
import * as reviewCommentsRoute from '../../app/api/operator/app-reviews/[versionId]/comments/route.ts';
import * as reviewRoute from '../../app/api/operator/app-reviews/[versionId]/route.ts';
import * as queueRoute from '../../app/api/operator/app-reviews/route.ts';
import * as agreementRoute from '../../app/api/partner/agreement/route.ts';
import * as checksRoute from '../../app/api/partner/apps/[appId]/checks/route.ts';
import * as commentsRoute from '../../app/api/partner/apps/[appId]/comments/route.ts';
import * as imagesRoute from '../../app/api/partner/apps/[appId]/images/route.ts';
import * as publishRoute from '../../app/api/partner/apps/[appId]/publish/route.ts';
import * as appRoute from '../../app/api/partner/apps/[appId]/route.ts';
import * as submitRoute from '../../app/api/partner/apps/[appId]/submit/route.ts';
import * as versionRoute from '../../app/api/partner/apps/[appId]/version/route.ts';
import * as appsRoute from '../../app/api/partner/apps/route.ts';
import * as acceptRoute from '../../app/api/partner/invitations/[token]/accept/route.ts';
import * as applyRoute from '../../app/api/partners/apply/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as installationRoute from '../../app/api/app/marketplace/installations/[installationId]/route.ts';
import * as installationsRoute from '../../app/api/app/marketplace/installations/route.ts';
import * as installsRoute from '../../app/api/app/marketplace/installs/route.ts';
import * as workspaceReviewsRoute from '../../app/api/app/marketplace/apps/[appId]/reviews/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { authenticate } from '../../lib/auth/authenticate.ts';
import { db } from '../../lib/db/client.ts';
import { stopJobs } from '../../lib/jobs/queue.ts';
import { REVIEW_CHECKLIST } from '../../lib/marketplace/app-review.ts';
import { browseApps, marketplaceHome } from '../../lib/marketplace/discovery.ts';
import { prepareInstall } from '../../lib/marketplace/installations.ts';
import { CURRENT_AGREEMENT } from '../../lib/partners/agreement.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { attemptDelivery } from '../../lib/webhooks/attempt-delivery.ts';
import { fanOutEvent } from '../../lib/webhooks/fan-out.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';
import { partnerLinkToken } from '../support/partners.ts';
import { callApi, clientOptions, discover, oauthFailure } from '../support/oauth-client.ts';
import { png } from '../support/png.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

// Issue 16's journey as one story, through the routes the pages call and the services behind
// the workspace's marketplace: a company applies to be a partner, the operator approves it, the
// applicant follows the emailed link and becomes its owner, accepts the agreement, drafts an
// app, fails and then passes the submission checks, goes through review (changes requested, a
// comment each way, resubmitted, approved), publishes; acme's admin finds the app by full-text
// search and installs it; the app (oauth4webapi for the code exchange, standardwebhooks for the
// signature) calls /api/v1 with the workspace grant and hears app.installed; uninstalling stops
// its token at once and still tells it. Then the isolation rules the journey crossed.

process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';

const ROOT = 'localhost:3100';
const PASSWORD = 'journey-password-1';
const SETUP_URL = 'https://tidepool.example.com/waypoint/setup';

const onRoot = (handler: RouteHandlerFn, call: Omit<AppCall, 'host' | 'tenantId'>) => callRoute(handler, { ...call, host: ROOT, tenantId: null });

let receiver: WebhookReceiver;
const hookPath = `/tidepool-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await stopJobs();
  await receiver.close();
});

/** Runs the event's fan-out and sends its delivery to the endpoint (whatever worker gets there first). */
async function deliver(eventType: string, tenantId: string, endpointId: string): Promise<void> {
  const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId, type: eventType }, orderBy: { occurredAt: 'desc' } });
  await fanOutEvent(event.id);
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { endpointId_eventId: { endpointId, eventId: event.id } } });
  await attemptDelivery({ deliveryId: delivery.id, attempt: 1 });
}

describe('the marketplace journey: from a partner application to an installed, then uninstalled app', () => {
  const id = randomBytes(4).toString('hex');
  // A word no other app in the test database uses, so the search has one right answer.
  const marker = `tidepool${id}`;
  const applicant = { companyName: `Tidepool Labs ${id}`, website: 'https://tidepool.example.com', contactName: 'Tess Tide', email: `tess-${id}@tidepool.test`, note: 'We turn paddling sessions into Waypoint habit check-ins.' };

  let operatorCookie: string;
  let partnerId: string;
  let ownerId: string;
  let cookie: string;
  let sandbox: TenantContext;
  let appId: string;
  let slug: string;
  let versionId: string;
  let clientSecret: string;
  let webhookSecret: string;
  let client: oauth.Client;
  let acme: TenantContext;
  let acmeAdmin: Member;
  let installationId: string;
  let tokens: oauth.TokenEndpointResponse;
  // A second partner, to check it cannot see the first's app.
  let rivalCookie: string;

  beforeAll(async () => {
    operatorCookie = await sessionCookie((await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } })).id, null);
    const acmeRow = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    acme = await contextOf(acmeRow.id);
    acmeAdmin = await memberOf(acme.id, (await db.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' } })).id);
  });

  it('a company applies; the operator approves it; the applicant follows the emailed link and becomes its owner', async () => {
    const applied = await onRoot(applyRoute.POST, { method: 'POST', path: '/api/partners/apply', json: applicant });
    expect(applied.status, applied.text).toBe(202);
    const partner = await db.partner.findFirstOrThrow({ where: { name: applicant.companyName } });
    partnerId = partner.id;
    expect(partner.status).toBe('applied');

    const approved = await onRoot(operatorPartnerRoute.PATCH, { method: 'PATCH', path: `/api/operator/partners/${partnerId}`, params: { partnerId }, cookie: operatorCookie, json: { action: 'approve', reason: 'Welcome, paddlers.' } });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.partner).toMatchObject({ status: 'active', sandbox: { slug: expect.stringContaining('sandbox') } });

    // The approval email carries the set-up link (the applicant had not confirmed yet).
    const email = await db.emailMessage.findFirstOrThrow({ where: { to: applicant.email, kind: 'partner_approved' }, orderBy: { createdAt: 'desc' } });
    expect(email.text).toContain('Reason: Welcome, paddlers.');
    const token = await partnerLinkToken(applicant.email, 'partner_approved');
    const accepted = await onRoot(acceptRoute.POST, { method: 'POST', path: `/api/partner/invitations/${token}/accept`, params: { token }, json: { name: 'Tess Tide', password: PASSWORD } });
    expect(accepted.status, accepted.text).toBe(201);

    // Signs in on the root domain with that password, as the partner portal's owner.
    const user = await authenticate({ email: applicant.email, password: PASSWORD }, null, null);
    ownerId = user!.id;
    expect(await db.partnerUser.findFirst({ where: { partnerId, userId: ownerId } })).toMatchObject({ role: 'owner' });
    cookie = await sessionCookie(ownerId, null);
    const sandboxRow = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: partnerId } });
    sandbox = await contextOf(sandboxRow.id);
    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: sandbox.id, userId: ownerId } } })).toMatchObject({ role: 'owner' });
  });

  it('accepts the partner agreement, then drafts an app (the OAuth client lands in the sandbox; secrets shown once)', async () => {
    const agreed = await onRoot(agreementRoute.POST, { method: 'POST', path: '/api/partner/agreement', cookie, json: { version: CURRENT_AGREEMENT.version } });
    expect(agreed.status, agreed.text).toBe(200);

    const created = await onRoot(appsRoute.POST, { method: 'POST', path: '/api/partner/apps', cookie, json: { name: `Tidepool ${id}`, category: 'fitness', tagline: 'Paddling sessions as habit check-ins' } });
    expect(created.status, created.text).toBe(201);
    const app = created.body.app as { id: string; slug: string; status: string; openVersion: { id: string }; oauth: { clientId: string }; sandbox: { slug: string } };
    expect(app).toMatchObject({ status: 'draft', sandbox: { slug: sandbox.slug } });
    ({ id: appId, slug } = app);
    versionId = app.openVersion.id;
    clientSecret = created.body.clientSecret as string;
    webhookSecret = created.body.webhookSecret as string;
    client = { client_id: app.oauth.clientId };
    expect(clientSecret).toMatch(/^wps_/);
    // The secrets are in that answer only.
    const again = await onRoot(appRoute.GET, { path: `/api/partner/apps/${appId}`, params: { appId }, cookie });
    expect(again.status).toBe(200);
    expect(again.text).not.toContain(clientSecret);
  });

  it('the submission checks fail on a bad draft and pass once it is fixed', async () => {
    const patch = (json: unknown) => onRoot(versionRoute.PATCH, { method: 'PATCH', path: `/api/partner/apps/${appId}/version`, params: { appId }, cookie, json });
    // What is malformed never gets into the draft: a plain-http redirect URI off loopback, a wildcard.
    const http = await patch({ redirectUris: ['http://tidepool.example.com/callback'] });
    expect(http.status).toBe(422);
    expect(http.body).toMatchObject({ code: 'validation_failed', errors: { 'redirectUris.0': expect.stringMatching(/https/) } });
    const wildcard = await patch({ redirectUris: ['https://*.tidepool.example.com/callback'] });
    expect(wildcard.status).toBe(422);
    expect(wildcard.body).toMatchObject({ errors: { 'redirectUris.0': expect.stringMatching(/wildcard/i) } });

    // A draft that is well formed but not submittable: a loopback http redirect URI (fine in the
    // sandbox only), an unjustified scope, a webhook URL pointing at the cloud metadata service.
    const bad = await patch({
      description: `Tidepool (${marker}) logs your kayak, canoe and paddleboard sessions as habit check-ins, and moves your paddling goals forward.`,
      privacyUrl: 'https://tidepool.example.com/privacy',
      websiteUrl: 'https://tidepool.example.com',
      setupUrl: SETUP_URL,
      redirectUris: ['http://localhost:4000/callback'],
      scopes: [
        { scope: 'read:goals', justification: 'To show your paddling goals next to each session.' },
        { scope: 'write:goals', justification: 'Needed.' },
      ],
      webhookEvents: ['goal.created'],
      webhookUrl: 'http://169.254.169.254/latest/meta-data',
    });
    expect(bad.status, bad.text).toBe(200);
    const checked = await onRoot(checksRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/checks`, params: { appId }, cookie });
    expect(checked.status).toBe(200);
    const failed = (checked.body.checks as { id: string; ok: boolean; message: string }[]).filter((c) => !c.ok);
    expect(failed.map((c) => c.id).sort()).toEqual(['logo', 'redirect_https', 'scopes_justified', 'webhook_url']);
    expect(failed.find((c) => c.id === 'redirect_https')?.message).toMatch(/only in your sandbox/);
    expect(failed.find((c) => c.id === 'scopes_justified')?.message).toMatch(/write:goals/);
    expect(failed.find((c) => c.id === 'webhook_url')?.message).toMatch(/169\.254\.169\.254/);
    const refused = await onRoot(submitRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/submit`, params: { appId }, cookie, json: {} });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors as object).sort()).toEqual(['logo', 'redirectUris', 'scopes', 'webhookUrl']);

    // Fixed: an https redirect URI, a real reason, the app's own receiver, a logo.
    const fixed = await patch({
      redirectUris: ['https://tidepool.example.com/oauth/callback'],
      scopes: [
        { scope: 'read:goals', justification: 'To show your paddling goals next to each session.' },
        { scope: 'write:goals', justification: 'To record each paddling session as progress on a goal.' },
      ],
      webhookUrl: receiver.url(hookPath),
    });
    expect(fixed.status, fixed.text).toBe(200);
    const logo = await onRoot(imagesRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/images?kind=logo`, params: { appId }, cookie, body: new Uint8Array(png(256, 256)), contentType: 'image/png' });
    expect(logo.status, logo.text).toBe(201);
    const rechecked = await onRoot(checksRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/checks`, params: { appId }, cookie });
    expect((rechecked.body.checks as { id: string; ok: boolean }[]).filter((c) => !c.ok)).toEqual([]);
  });

  it("before it is published, only the partner's own sandbox sees (and may install) the app", async () => {
    const sandboxAdmin = await memberOf(sandbox.id, ownerId);
    expect((await marketplaceHome(sandbox)).sandbox.map((card) => card.id)).toContain(appId);
    expect(await prepareInstall(sandbox, sandboxAdmin, slug)).toMatchObject({ sandbox: true, app: { id: appId } });
    expect((await browseApps(acme, { q: marker })).apps).toEqual([]);
    expect((await marketplaceHome(acme)).sandbox).toEqual([]);
    await expect(prepareInstall(acme, acmeAdmin, slug)).rejects.toMatchObject({ status: 404 });
  });

  it('submits; the operator asks for changes; a comment each way; resubmitted; approved; the partner publishes', async () => {
    const submitted = await onRoot(submitRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/submit`, params: { appId }, cookie, json: { note: 'Our first version: paddling sessions into goals.' } });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ id: versionId, status: 'submitted' });

    const queue = await onRoot(queueRoute.GET, { path: '/api/operator/app-reviews?status=open', cookie: operatorCookie });
    expect(queue.status).toBe(200);
    expect(JSON.stringify(queue.body)).toContain(versionId);

    const decide = (json: unknown) => onRoot(reviewRoute.POST, { method: 'POST', path: `/api/operator/app-reviews/${versionId}`, params: { versionId }, cookie: operatorCookie, json });
    expect((await decide({ decision: 'start_review' })).status).toBe(204);
    const changes = await decide({ decision: 'request_changes', reason: 'Say which paddling trackers Tidepool reads from.' });
    expect(changes.status, changes.text).toBe(204);
    const opComment = await onRoot(reviewCommentsRoute.POST, { method: 'POST', path: `/api/operator/app-reviews/${versionId}/comments`, params: { versionId }, cookie: operatorCookie, json: { body: 'The rest looks good.' } });
    expect(opComment.status).toBe(201);
    const partnerComment = await onRoot(commentsRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/comments`, params: { appId }, cookie, json: { body: 'Added Garmin and Apple Health to the description.' } });
    expect(partnerComment.status).toBe(201);
    expect((partnerComment.body.comments as { side: string }[]).map((c) => c.side)).toEqual(['partner', 'operator', 'operator', 'partner']);
    const kinds = (await db.emailMessage.findMany({ where: { to: applicant.email }, select: { kind: true } })).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['app_submitted', 'app_changes_requested']));

    const edited = await onRoot(versionRoute.PATCH, {
      method: 'PATCH',
      path: `/api/partner/apps/${appId}/version`,
      params: { appId },
      cookie,
      json: { description: `Tidepool (${marker}) logs your kayak, canoe and paddleboard sessions from Garmin and Apple Health as habit check-ins, and moves your paddling goals forward.` },
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await onRoot(submitRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/submit`, params: { appId }, cookie, json: {} })).status).toBe(200);
    expect((await decide({ decision: 'start_review' })).status).toBe(204);
    // The whole checklist comes first.
    const early = await decide({ decision: 'approve' });
    expect(early.status).toBe(422);
    const ticked = await onRoot(reviewRoute.PATCH, { method: 'PATCH', path: `/api/operator/app-reviews/${versionId}`, params: { versionId }, cookie: operatorCookie, json: { items: Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item.id, true])) } });
    expect(ticked.status, ticked.text).toBe(200);
    expect((await decide({ decision: 'approve', reason: 'Clear scopes, clear listing.' })).status).toBe(204);

    // Approval does not publish: until the partner does, acme still cannot find it.
    expect((await browseApps(acme, { q: marker })).apps).toEqual([]);
    const published = await onRoot(publishRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/publish`, params: { appId }, cookie });
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', live: { id: versionId, number: 1 } });
    const actions = (await db.platformAuditLog.findMany({ where: { targetId: { in: [partnerId, appId, versionId] } }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['partner.applied', 'partner.approved', 'app.created', 'app_version.submitted', 'app_version.changes_requested', 'app_version.approved', 'app_version.published']));
  });

  it("acme's admin finds it by full-text search and installs it; the app exchanges the code and calls /api/v1 as the workspace's installation", async () => {
    const found = await browseApps(acme, { q: `${marker} paddleboard` });
    expect(found.apps.map((card) => card.id)).toEqual([appId]);
    // Plain words match too (ranked, with prefixes).
    expect((await browseApps(acme, { q: `${marker.slice(0, -2)} kayak` })).apps.map((card) => card.id)).toContain(appId);

    const prompt = await prepareInstall(acme, acmeAdmin, slug);
    expect(prompt).toMatchObject({
      app: { id: appId, partnerName: applicant.companyName },
      version: { id: versionId },
      scopes: [
        { scope: 'read:goals', justification: 'To show your paddling goals next to each session.' },
        { scope: 'write:goals', justification: 'To record each paddling session as progress on a goal.' },
      ],
      events: ['goal.created', 'app.installed', 'app.uninstalled'],
      landingHost: 'tidepool.example.com',
      sandbox: false,
    });
    // The consent form's POST (as the browser sends it) answers 303 to the app's setup URL.
    const acmeCookie = await sessionCookie(acmeAdmin.userId, acme.id);
    const consented = await callRoute(installsRoute.POST, {
      method: 'POST',
      host: `acme.${ROOT}`,
      tenantId: acme.id,
      path: '/api/app/marketplace/installs',
      cookie: acmeCookie,
      body: new URLSearchParams({ slug, versionId: prompt.version.id }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(consented.status, consented.text).toBe(303);
    const landing = new URL(consented.headers.get('location')!);
    installationId = landing.searchParams.get('installation_id')!;
    expect(await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } })).toMatchObject({ tenantId: acme.id, appId, versionId, installedById: acmeAdmin.userId, uninstalledAt: null });
    const installed = await callRoute(installationsRoute.GET, { host: `acme.${ROOT}`, tenantId: acme.id, path: '/api/app/marketplace/installations', cookie: acmeCookie });
    expect(installed.status).toBe(200);
    expect(JSON.parse(installed.text)).toEqual(expect.arrayContaining([expect.objectContaining({ id: installationId, scopes: ['read:goals', 'write:goals'] })]));

    // The app's side: its setup URL gets the code; oauth4webapi swaps it at acme's /oauth/token.
    expect(landing.origin + landing.pathname).toBe(SETUP_URL);
    expect(Object.fromEntries(landing.searchParams)).toMatchObject({ installation_id: installationId, workspace: 'acme' });
    const as = await discover(acme);
    const callback = oauth.validateAuthResponse(as, client, landing, oauth.expectNoState);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(clientSecret), callback, SETUP_URL, oauth.nopkce, clientOptions);
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.scope).toBe('read:goals write:goals');

    const goals = await callApi(acme, '/api/v1/goals', tokens.access_token);
    expect(goals.status, JSON.stringify(goals.body)).toBe(200);
    // It writes with write:goals and reads back what it wrote (goals it can see are the attributed member's).
    const written = await callRoute(goalsRoute.POST, { method: 'POST', host: `acme.${ROOT}`, tenantId: acme.id, path: '/api/v1/goals', origin: null, headers: { authorization: `Bearer ${tokens.access_token}` }, json: { title: `Paddle 100 km (${marker})` } });
    expect(written.status, written.text).toBe(201);
    expect(written.body).toMatchObject({ title: `Paddle 100 km (${marker})` });
    const listed = await callApi(acme, '/api/v1/goals', tokens.access_token);
    expect((listed.body.data as { id: string }[]).map((goal) => goal.id)).toContain(written.body.id);
    // It acts for the workspace, attributed to the installing admin.
    expect(await db.goal.findUniqueOrThrow({ where: { id: written.body.id as string } })).toMatchObject({ tenantId: acme.id, ownerId: acmeAdmin.userId });
    // Scopes it was not granted stay closed.
    expect((await callApi(acme, '/api/v1/habits', tokens.access_token)).body).toMatchObject({ status: 403, code: 'insufficient_scope' });
    expect((await callApi(acme, '/api/v1/users/me', tokens.access_token)).body).toMatchObject({ status: 403, code: 'insufficient_scope' });
    // Its token is acme's only.
    const elsewhere = await contextOf((await createTenant()).id);
    expect((await callApi(elsewhere, '/api/v1/goals', tokens.access_token)).status).toBe(401);
  });

  it("the app's receiver verifies app.installed with standardwebhooks", async () => {
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { appInstallationId: installationId } });
    expect(endpoint).toMatchObject({ tenantId: acme.id, url: receiver.url(hookPath), enabled: true });
    await deliver('app.installed', acme.id, endpoint.id);
    await receiver.waitFor(() => receiver.on(hookPath, { ok: true }).some((r) => r.body.includes('app.installed')));
    const hook = receiver.on(hookPath, { ok: true }).find((r) => r.body.includes('app.installed'))!;
    const payload = new Webhook(webhookSecret).verify(hook.body, hook.headers);
    expect(payload).toMatchObject({ type: 'app.installed', tenant_id: acme.id, data: { installationId, appId, appSlug: slug, scopes: ['read:goals', 'write:goals'], installedById: acmeAdmin.userId } });
    // Someone else's secret does not verify it.
    expect(() => new Webhook(`whsec_${randomBytes(24).toString('base64')}`).verify(hook.body, hook.headers)).toThrow();
  });

  it('reviews come only from workspaces that have the app installed', async () => {
    const acmeCookie = await sessionCookie(acmeAdmin.userId, acme.id);
    const review = await callRoute(workspaceReviewsRoute.PUT, { method: 'PUT', host: `acme.${ROOT}`, tenantId: acme.id, path: `/api/app/marketplace/apps/${appId}/reviews`, params: { appId }, cookie: acmeCookie, json: { stars: 5, body: 'Our rowing club logs every session now.' } });
    expect(review.status, review.text).toBe(200);

    const other = await createTenant();
    const otherAdmin = await createMember(other.id, 'admin');
    const refused = await callRoute(workspaceReviewsRoute.PUT, {
      method: 'PUT',
      host: `${other.slug}.${ROOT}`,
      tenantId: other.id,
      path: `/api/app/marketplace/apps/${appId}/reviews`,
      params: { appId },
      cookie: await sessionCookie(otherAdmin.id, other.id),
      json: { stars: 1, body: 'Never used it.' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'app_not_installed' });
    // The partner's own sandbox cannot rate its own app either.
    const ownRating = await callRoute(workspaceReviewsRoute.PUT, { method: 'PUT', host: `${sandbox.slug}.${ROOT}`, tenantId: sandbox.id, path: `/api/app/marketplace/apps/${appId}/reviews`, params: { appId }, cookie: await sessionCookie(ownerId, sandbox.id), json: { stars: 5 } });
    expect(ownRating.status).toBe(403);
    expect(await db.appRating.count({ where: { appId } })).toBe(1);
  });

  it('a partner sees only its own apps; a workspace sees published apps plus its own sandbox’s', async () => {
    const rival = await applyAndApprove(`Rival Paddles ${id}`, `rival-${id}@rival.test`);
    rivalCookie = rival.cookie;
    expect((await onRoot(appRoute.GET, { path: `/api/partner/apps/${appId}`, params: { appId }, cookie: rivalCookie })).status).toBe(404);
    expect((await onRoot(versionRoute.PATCH, { method: 'PATCH', path: `/api/partner/apps/${appId}/version`, params: { appId }, cookie: rivalCookie, json: { tagline: 'Mine now' } })).status).toBe(404);
    expect((await onRoot(publishRoute.POST, { method: 'POST', path: `/api/partner/apps/${appId}/publish`, params: { appId }, cookie: rivalCookie })).status).toBe(404);
    const rivalList = await onRoot(appsRoute.GET, { path: '/api/partner/apps', cookie: rivalCookie });
    expect(rivalList.body.apps).toEqual([]);
    expect(((await onRoot(appsRoute.GET, { path: '/api/partner/apps', cookie })).body.apps as { id: string }[]).map((a) => a.id)).toEqual([appId]);

    // The rival drafts an app: its own sandbox sees it; acme and the first partner's sandbox do not.
    const draft = await onRoot(appsRoute.POST, { method: 'POST', path: '/api/partner/apps', cookie: rivalCookie, json: { name: `Rival ${marker}`, category: 'fitness' } });
    expect(draft.status, draft.text).toBe(201);
    const draftId = (draft.body.app as { id: string }).id;
    expect((await marketplaceHome(rival.sandbox)).sandbox.map((card) => card.id)).toEqual([draftId]);
    expect((await marketplaceHome(sandbox)).sandbox.map((card) => card.id)).not.toContain(draftId);
    expect((await browseApps(acme, { q: marker })).apps.map((card) => card.id)).toEqual([appId]);
    // The published app is everyone's, the rival's sandbox included.
    expect((await browseApps(rival.sandbox, { q: marker })).apps.map((card) => card.id)).toEqual([appId]);
  });

  it('uninstalling revokes the grant, its tokens and the webhook endpoint at once; app.uninstalled still reaches the app', async () => {
    const installation = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId } });
    const acmeCookie = await sessionCookie(acmeAdmin.userId, acme.id);
    const removed = await callRoute(installationRoute.DELETE, { method: 'DELETE', host: `acme.${ROOT}`, tenantId: acme.id, path: `/api/app/marketplace/installations/${installationId}`, params: { installationId }, cookie: acmeCookie });
    expect(removed.status, removed.text).toBe(204);

    const after = await callApi(acme, '/api/v1/goals', tokens.access_token);
    expect(after.status).toBe(401);
    const as = await discover(acme);
    expect(await oauthFailure(oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretBasic(clientSecret), tokens.refresh_token!, clientOptions).then((r) => oauth.processRefreshTokenResponse(as, client, r)))).toMatchObject({ error: 'invalid_grant' });
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: installation.grantId } })).revokedAt).not.toBeNull();
    expect(await db.oAuthToken.count({ where: { grantId: installation.grantId, revokedAt: null } })).toBe(0);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { appInstallationId: installationId } });
    expect(endpoint.enabled).toBe(false);

    const farewell = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, eventType: 'app.uninstalled' } });
    await attemptDelivery({ deliveryId: farewell.id, attempt: 1 });
    await receiver.waitFor(() => receiver.on(hookPath, { ok: true }).some((r) => r.body.includes('app.uninstalled')));
    const last = receiver.on(hookPath, { ok: true }).find((r) => r.body.includes('app.uninstalled'))!;
    expect(new Webhook(webhookSecret).verify(last.body, last.headers)).toMatchObject({ type: 'app.uninstalled', data: { installationId, appId, reason: 'uninstalled', uninstalledById: acmeAdmin.userId } });

    // Still listed for acme (it is published), installable again, but nothing of the old installation works.
    expect((await prepareInstall(acme, acmeAdmin, slug)).installation).toBeNull();
    // With it gone, acme's review no longer counts toward a new one: writing again is refused.
    const rewrite = await callRoute(workspaceReviewsRoute.PUT, { method: 'PUT', host: `acme.${ROOT}`, tenantId: acme.id, path: `/api/app/marketplace/apps/${appId}/reviews`, params: { appId }, cookie: acmeCookie, json: { stars: 4 } });
    expect(rewrite.status).toBe(403);
  });
});

/** Another partner through the same front door: apply, approved, link followed, signed in. */
async function applyAndApprove(companyName: string, email: string): Promise<{ cookie: string; sandbox: TenantContext }> {
  const applied = await onRoot(applyRoute.POST, { method: 'POST', path: '/api/partners/apply', json: { companyName, website: 'https://rival.example.com', contactName: 'Rory Rival', email, note: 'We also build paddling integrations for clubs.' } });
  expect(applied.status, applied.text).toBe(202);
  const token = await partnerLinkToken(email, 'partner_application');
  expect((await onRoot(acceptRoute.POST, { method: 'POST', path: `/api/partner/invitations/${token}/accept`, params: { token }, json: { name: 'Rory Rival', password: PASSWORD } })).status).toBe(201);
  const partner = await db.partner.findFirstOrThrow({ where: { name: companyName } });
  const operatorCookie = await sessionCookie((await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } })).id, null);
  expect((await onRoot(operatorPartnerRoute.PATCH, { method: 'PATCH', path: `/api/operator/partners/${partner.id}`, params: { partnerId: partner.id }, cookie: operatorCookie, json: { action: 'approve' } })).status).toBe(200);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const cookie = await sessionCookie(user.id, null);
  expect((await onRoot(agreementRoute.POST, { method: 'POST', path: '/api/partner/agreement', cookie, json: { version: CURRENT_AGREEMENT.version } })).status).toBe(200);
  const sandbox = await contextOf((await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: partner.id } })).id);
  return { cookie, sandbox };
}
