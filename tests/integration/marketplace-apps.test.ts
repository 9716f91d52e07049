import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { hashOAuthSecret } from '../../lib/oauth/hash-client-secret.ts';
import { findAppImage, removeAppImage, uploadAppImage } from '../../lib/marketplace/app-images.ts';
import { deprecateApp, removeApp } from '../../lib/marketplace/app-lifecycle.ts';
import {
  addOperatorComment,
  approveVersion,
  getAppForReview,
  listAppsForOperator,
  listReviewQueue,
  rejectVersion,
  requestChanges,
  setFeatured,
  startReview,
  updateChecklist,
  REVIEW_CHECKLIST,
} from '../../lib/marketplace/app-review.ts';
import {
  addPartnerComment,
  createApp,
  getPartnerApp,
  listPartnerApps,
  publishAppVersion,
  revealWebhookSecret,
  rotateAppClientSecret,
  rotateWebhookSecret,
  runAppChecks,
  startNewVersion,
  submitAppVersion,
  updateAppVersion,
} from '../../lib/marketplace/apps.ts';
import { operator } from '../support/resellers.ts';
import { completeVersion, createPartner, installedIn, logoPng, partnerUser, type TestPartner } from '../support/partner-apps.ts';
import { png } from '../support/png.ts';
import { failure } from '../support/workspace.ts';
import type { OperatorActor } from '../../lib/resellers/reseller-actor.ts';

// An app's whole life, through the services the partner portal and the operator console call:
// draft → submission checks → submit → in review → changes requested (with the thread) →
// resubmit → approve → publish → a new version with more scopes, reviewed while the old one
// stays live → deprecate → remove (installations ended, admins emailed first). Then isolation
// between partners and bad input.

const allTicked = Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item.id, true]));
const checkOptions = { allowLocalhostWebhooks: false, lookup: async () => [{ address: '93.184.216.34', family: 4 }] };

async function audits(targetIds: string[]) {
  return (await db.platformAuditLog.findMany({ where: { targetId: { in: targetIds } }, orderBy: { createdAt: 'asc' }, select: { action: true, reason: true, actorEmail: true } })).map((row) => row.action);
}

async function emailsTo(email: string) {
  return (await db.emailMessage.findMany({ where: { to: email.toLowerCase() }, orderBy: { createdAt: 'asc' }, select: { kind: true, subject: true, text: true } }));
}

describe('marketplace apps: the lifecycle', () => {
  let partner: TestPartner;
  let op: OperatorActor;
  let appId: string;
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    partner = await createPartner({ name: 'Pulse Labs' });
    op = await operator();
  });

  it('creates a draft with its OAuth client in the sandbox: the client secret is shown once, stored hashed', async () => {
    const { app, clientSecret, webhookSecret } = await createApp(partner.actor, { name: 'Pulse Labs Sync', category: 'fitness' });
    appId = app.id;
    v1 = app.openVersion!.id;
    expect(app).toMatchObject({ id: expect.stringMatching(/^app_/), slug: 'pulse-labs-sync', status: 'draft', name: 'Pulse Labs Sync', category: 'fitness', live: null, open: { number: 1, status: 'draft' } });
    expect(clientSecret).toMatch(/^wps_/);
    expect(webhookSecret).toMatch(/^whsec_/);
    const client = await db.oAuthApp.findUniqueOrThrow({ where: { clientId: app.oauth.clientId } });
    expect(client).toMatchObject({ tenantId: partner.sandbox.id, clientType: 'confidential', secretHash: hashOAuthSecret(clientSecret) });
    expect(app.sandbox?.slug).toBe(partner.sandbox.slug);
    expect(await revealWebhookSecret(partner.actor, appId, '198.51.100.8')).toEqual({ webhookSecret });
    // Reading a signing secret is on the record, as rotating one is.
    expect(await db.platformAuditLog.findFirst({ where: { action: 'app.webhook_secret_revealed', targetId: appId } })).toMatchObject({ actorEmail: partner.actor.email, ip: '198.51.100.8' });
    // A second app with the same name gets its own address.
    const other = await createApp(partner.actor, { name: 'Pulse Labs Sync', category: 'fitness' });
    expect(other.app.slug).toMatch(/^pulse-labs-sync-[a-z0-9]{6}$/);
    expect((await failure(createApp(partner.actor, { name: 'Pulse Labs Sync', category: 'fitness', slug: 'pulse-labs-sync' }))).fields).toEqual({ slug: expect.stringMatching(/another app/i) });
  });

  it('the submission checks say what is missing, and a failed submission is a 422 naming the fields', async () => {
    const checks = await runAppChecks(partner.actor, appId, checkOptions);
    expect(checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['description_length', 'logo', 'privacy_url', 'redirect_https', 'scopes_justified']);
    const error = await failure(submitAppVersion(partner.actor, appId, {}, null, checkOptions));
    expect(error).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(Object.keys(error.fields!)).toEqual(['description', 'logo', 'privacyUrl', 'redirectUris', 'scopes']);
    expect((await getPartnerApp(partner.actor, appId)).openVersion).toMatchObject({ status: 'draft', checks: expect.arrayContaining([expect.objectContaining({ id: 'logo', ok: false })]) });
  });

  it('a draft may use a loopback redirect URI (the sandbox client follows the draft), but it cannot be submitted with one', async () => {
    await updateAppVersion(partner.actor, appId, { ...completeVersion, redirectUris: ['http://localhost:4000/callback'], scopes: [{ scope: 'read:habits', justification: 'short' }] });
    const client = await db.oAuthApp.findFirstOrThrow({ where: { marketplaceApp: { id: appId } } });
    expect(client).toMatchObject({ redirectUris: ['http://localhost:4000/callback'], allowedScopes: ['read:habits'] });
    await uploadAppImage(partner.actor, appId, 'logo', logoPng());
    const checks = await runAppChecks(partner.actor, appId, checkOptions);
    expect(checks.filter((c) => !c.ok).map((c) => [c.id, c.message])).toEqual([
      ['redirect_https', expect.stringMatching(/only in your sandbox/)],
      ['scopes_justified', expect.stringMatching(/read:habits/)],
    ]);
  });

  it('the webhook URL must pass the SSRF guard', async () => {
    await updateAppVersion(partner.actor, appId, { webhookUrl: 'https://10.0.0.8/hooks' });
    const checks = await runAppChecks(partner.actor, appId, checkOptions);
    expect(checks.find((c) => c.id === 'webhook_url')).toMatchObject({ ok: false, message: expect.stringMatching(/private/) });
    await updateAppVersion(partner.actor, appId, { webhookUrl: 'https://hooks.pulse.example.com/waypoint' });
    const resolvedPrivate = await runAppChecks(partner.actor, appId, { lookup: async () => [{ address: '192.168.1.4', family: 4 }] });
    expect(resolvedPrivate.find((c) => c.id === 'webhook_url')).toMatchObject({ ok: false });
    const hanging = await runAppChecks(partner.actor, appId, { lookup: () => new Promise(() => {}) });
    expect(hanging.find((c) => c.id === 'webhook_url')).toMatchObject({ ok: false, message: expect.stringMatching(/does not resolve/) });
  });

  it('submits with a note; the version is locked while it waits; the partner is emailed', async () => {
    await updateAppVersion(partner.actor, appId, completeVersion);
    const submitted = await submitAppVersion(partner.actor, appId, { note: 'First version, please have a look.' }, null, checkOptions);
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: expect.any(String), comments: [{ side: 'partner', body: 'First version, please have a look.' }] });
    expect(submitted.checks.every((c) => c.ok)).toBe(true);
    expect(await failure(updateAppVersion(partner.actor, appId, { tagline: 'x' }))).toMatchObject({ status: 409 });
    expect(await failure(uploadAppImage(partner.actor, appId, 'screenshot', png(800, 450)))).toMatchObject({ status: 409 });
    expect((await emailsTo(partner.actor.email)).map((e) => e.kind)).toContain('app_submitted');
  });

  it("the operator's queue lists it, filtered by status and age", async () => {
    const queue = await listReviewQueue(op, {});
    expect(queue.find((item) => item.versionId === v1)).toMatchObject({ appId, name: 'Pulse Labs Sync', partner: { name: 'Pulse Labs' }, status: 'submitted', isUpdate: false, ageDays: 0, failedChecks: 0 });
    expect((await listReviewQueue(op, { minAgeDays: 2 })).some((item) => item.versionId === v1)).toBe(false);
    expect((await listReviewQueue(op, { minAgeDays: 2 }, new Date(Date.now() + 3 * 86_400_000))).some((item) => item.versionId === v1)).toBe(true);
    expect((await listReviewQueue(op, { status: 'approved' })).some((item) => item.versionId === v1)).toBe(false);
    expect(await failure(listReviewQueue(op, { status: 'everything', minAgeDays: -1 }))).toMatchObject({ status: 422, fields: { status: expect.any(String), minAgeDays: expect.any(String) } });
  });

  it('review → changes requested with a reason → thread → fixed and resubmitted', async () => {
    await startReview(op, v1);
    expect(await failure(startReview(op, v1))).toMatchObject({ status: 409 });
    expect(await failure(requestChanges(op, v1, { reason: '' }))).toMatchObject({ status: 422, fields: { reason: expect.any(String) } });
    await requestChanges(op, v1, { reason: 'The description should say which trackers are supported.' });
    const app = await getPartnerApp(partner.actor, appId);
    expect(app.openVersion).toMatchObject({ status: 'changes_requested', decisionReason: 'The description should say which trackers are supported.' });
    expect(app.openVersion!.comments.map((c) => [c.side, c.author])).toEqual([
      ['partner', expect.any(String)],
      ['operator', 'Waypoint review'],
    ]);
    const mail = await emailsTo(partner.actor.email);
    expect(mail.find((e) => e.kind === 'app_changes_requested')?.text).toContain('which trackers are supported');
    await addPartnerComment(partner.actor, appId, { body: 'Added the list of trackers.' });
    await addOperatorComment(op, v1, { body: 'Thanks, looking again.' });
    await updateAppVersion(partner.actor, appId, { description: `${completeVersion.description} Works with Garmin, Polar and Strava.` });
    const resubmitted = await submitAppVersion(partner.actor, appId, {}, null, checkOptions);
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.comments.map((c) => c.body)).toEqual(['First version, please have a look.', 'The description should say which trackers are supported.', 'Added the list of trackers.', 'Thanks, looking again.']);
    const review = await getAppForReview(op, appId);
    expect(review.reviewVersion?.comments.find((c) => c.side === 'operator')?.author).toBe(op.email);
  });

  it('approval needs the whole checklist; approval does not publish; the partner publishes', async () => {
    expect(await failure(approveVersion(op, v1))).toMatchObject({ status: 422, fields: { checklist: expect.any(String) } });
    expect(await failure(updateChecklist(op, v1, { items: { nope: true } }))).toMatchObject({ status: 422 });
    await updateChecklist(op, v1, { items: allTicked });
    await approveVersion(op, v1, { reason: 'Looks great.' });
    expect(await failure(publishAppVersion(partner.actor, 'app_doesnotexist'))).toMatchObject({ status: 404 });
    let app = await getPartnerApp(partner.actor, appId);
    expect(app).toMatchObject({ status: 'draft', live: null, openVersion: { status: 'approved' } });
    expect(await failure(updateAppVersion(partner.actor, appId, { tagline: 'x' }))).toMatchObject({ status: 409 });
    app = await publishAppVersion(partner.actor, appId);
    expect(app).toMatchObject({ status: 'published', live: { id: v1, number: 1 }, openVersion: null, liveVersion: { status: 'published', publishedAt: expect.any(String) } });
    const client = await db.oAuthApp.findFirstOrThrow({ where: { marketplaceApp: { id: appId } } });
    expect(client).toMatchObject({ name: 'Pulse Labs Sync', redirectUris: completeVersion.redirectUris, allowedScopes: ['read:habits'] });
    const [indexed] = await db.$queryRaw<{ hit: boolean }[]>`SELECT "searchVector" @@ websearch_to_tsquery('simple', 'garmin') AS hit FROM "MarketplaceApp" WHERE id = ${appId}`;
    expect(indexed.hit).toBe(true);
  });

  it('a new version asking more scopes is reviewed while the old one stays live', async () => {
    expect(await failure(startNewVersion(partner.actor, 'app_nope'))).toMatchObject({ status: 404 });
    const draft = await startNewVersion(partner.actor, appId);
    v2 = draft.id;
    expect(draft).toMatchObject({ number: 2, status: 'draft', name: 'Pulse Labs Sync', logoAssetId: expect.any(String) });
    expect(await failure(startNewVersion(partner.actor, appId))).toMatchObject({ status: 409 });
    await updateAppVersion(partner.actor, appId, { scopes: [...completeVersion.scopes, { scope: 'write:habits', justification: 'To log a workout as a habit check-in.' }] });
    // The live client keeps the live version's scopes until the new one is published.
    expect((await db.oAuthApp.findFirstOrThrow({ where: { marketplaceApp: { id: appId } } })).allowedScopes).toEqual(['read:habits']);
    await submitAppVersion(partner.actor, appId, {}, null, checkOptions);
    const queued = (await listReviewQueue(op)).find((item) => item.versionId === v2);
    expect(queued).toMatchObject({ isUpdate: true, number: 2 });
    const review = await getAppForReview(op, appId);
    expect(review).toMatchObject({ status: 'published', reviewVersion: { id: v2 }, liveVersion: { id: v1 }, changes: { scopesAdded: ['write:habits'], scopesRemoved: [], redirectUrisAdded: [] } });
    await updateChecklist(op, v2, { items: allTicked });
    await approveVersion(op, v2);
    expect((await getPartnerApp(partner.actor, appId)).live).toEqual({ id: v1, number: 1 });
    await publishAppVersion(partner.actor, appId);
    const versions = await db.appVersion.findMany({ where: { appId }, orderBy: { number: 'asc' }, select: { status: true } });
    expect(versions.map((v) => v.status)).toEqual(['superseded', 'published']);
    expect((await db.oAuthApp.findFirstOrThrow({ where: { marketplaceApp: { id: appId } } })).allowedScopes).toEqual(['read:habits', 'write:habits']);
  });

  it('the operator features a published app; the app list shows it', async () => {
    await setFeatured(op, appId, { featured: true });
    expect((await listAppsForOperator(op, { status: 'published' })).find((a) => a.id === appId)).toMatchObject({ featured: true, liveNumber: 2, partnerName: 'Pulse Labs' });
    expect(await failure(setFeatured(op, appId, { featured: 'yes' }))).toMatchObject({ status: 422 });
  });

  it('deprecate: hidden from search, installs keep working, no new versions published', async () => {
    const kept = await installedIn(appId, (await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId } })).oauthAppId);
    await deprecateApp({ partner: partner.actor }, appId, { reason: 'Replaced by Pulse Sync 2.' });
    const row = await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId }, select: { status: true, featuredAt: true } });
    expect(row).toEqual({ status: 'deprecated', featuredAt: null });
    const [indexed] = await db.$queryRaw<{ empty: boolean }[]>`SELECT "searchVector" IS NULL AS empty FROM "MarketplaceApp" WHERE id = ${appId}`;
    expect(indexed.empty).toBe(true);
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: kept.grant.id } })).revokedAt).toBeNull();
    expect(await failure(deprecateApp({ partner: partner.actor }, appId, {}))).toMatchObject({ status: 409 });
  });

  it('remove: admins of installing workspaces are emailed first, installations end, grants and tokens are revoked', async () => {
    const oauthAppId = (await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId } })).oauthAppId;
    const installs = await db.appInstallation.findMany({ where: { appId, uninstalledAt: null }, select: { id: true, grantId: true, tenantId: true } });
    expect(installs).toHaveLength(1);
    const admin = await db.membership.findFirstOrThrow({ where: { tenantId: installs[0].tenantId, role: 'admin' }, select: { user: { select: { email: true } } } });
    expect(await failure(removeApp({ operator: op }, appId, {}))).toMatchObject({ status: 422, fields: { reason: expect.any(String) } });
    expect(await removeApp({ operator: op }, appId, { reason: 'The partner asked us to retire it.' })).toEqual({ endedInstallations: 1 });
    const installation = await db.appInstallation.findUniqueOrThrow({ where: { id: installs[0].id } });
    expect(installation).toMatchObject({ uninstalledAt: expect.any(Date), endedReason: 'app_removed' });
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: installs[0].grantId } })).revokedAt).not.toBeNull();
    expect(await db.oAuthToken.count({ where: { grantId: installs[0].grantId, revokedAt: null } })).toBe(0);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { appInstallationId: installs[0].id } })).toMatchObject({ enabled: false });
    expect(await db.oAuthGrant.count({ where: { appId: oauthAppId, revokedAt: null } })).toBe(0);
    const notice = (await emailsTo(admin.user.email)).find((e) => e.kind === 'app_removal_notice');
    expect(notice?.text).toContain('The partner asked us to retire it.');
    expect((await emailsTo(partner.actor.email)).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['app_submitted', 'app_in_review', 'app_changes_requested', 'app_commented', 'app_approved', 'app_published', 'app_deprecated', 'app_removed']),
    );
    expect(await failure(removeApp({ operator: op }, appId, { reason: 'Again, please.' }))).toMatchObject({ status: 409 });
    expect(await failure(startNewVersion(partner.actor, appId))).toMatchObject({ status: 409 });
  });

  it('every transition is in the platform audit log, with its reason', async () => {
    const actions = await audits([appId, v1, v2]);
    expect(actions).toEqual([
      'app.created',
      'app.webhook_secret_revealed',
      'app_version.submitted',
      'app_version.review_started',
      'app_version.changes_requested',
      'app_version.submitted',
      'app_version.review_started',
      'app_version.approved',
      'app_version.published',
      'app_version.created',
      'app_version.submitted',
      'app_version.review_started',
      'app_version.approved',
      'app_version.published',
      'app.featured',
      'app.deprecated',
      'app.removed',
    ]);
    const removed = await db.platformAuditLog.findFirstOrThrow({ where: { targetId: appId, action: 'app.removed' } });
    expect(removed).toMatchObject({ actorEmail: op.email, reason: 'The partner asked us to retire it.' });
  });

  it('rejection is final for the version; the partner can start a new one', async () => {
    const { app } = await createApp(partner.actor, { name: 'Pulse Extra', category: 'fitness' });
    await updateAppVersion(partner.actor, app.id, completeVersion);
    await uploadAppImage(partner.actor, app.id, 'logo', logoPng());
    const { id } = await submitAppVersion(partner.actor, app.id, {}, null, checkOptions);
    await rejectVersion(op, id, { reason: 'Duplicates Pulse Sync.' });
    expect(await failure(approveVersion(op, id))).toMatchObject({ status: 409 });
    expect(await failure(submitAppVersion(partner.actor, app.id, {}, null, checkOptions))).toMatchObject({ status: 409 });
    expect((await startNewVersion(partner.actor, app.id)).number).toBe(2);
  });
});

describe('marketplace apps: secrets and images', () => {
  let partner: TestPartner;
  let appId: string;

  beforeAll(async () => {
    partner = await createPartner();
    appId = (await createApp(partner.actor, { name: 'Image Test', category: 'productivity' })).app.id;
  });

  it('rotates the client secret (the old one stops) and the webhook secret', async () => {
    const { clientSecret } = await rotateAppClientSecret(partner.actor, appId);
    const client = await db.oAuthApp.findFirstOrThrow({ where: { marketplaceApp: { id: appId } } });
    expect(client.secretHash).toBe(hashOAuthSecret(clientSecret));
    const { webhookSecret } = await rotateWebhookSecret(partner.actor, appId);
    expect(await revealWebhookSecret(partner.actor, appId)).toEqual({ webhookSecret });
  });

  it('validates uploads like brand images, keeps at most 5 screenshots, and serves unpublished images to the partner only', async () => {
    expect(await failure(uploadAppImage(partner.actor, appId, 'logo', png(64, 64)))).toMatchObject({ status: 422, code: 'image_too_small' });
    expect(await failure(uploadAppImage(partner.actor, appId, 'logo', Buffer.from('GIF89a not really')))).toMatchObject({ status: 415 });
    expect(await failure(uploadAppImage(partner.actor, appId, 'screenshot', png(300, 200)))).toMatchObject({ status: 422, code: 'image_too_small' });
    const logo = await uploadAppImage(partner.actor, appId, 'logo', logoPng());
    const replaced = await uploadAppImage(partner.actor, appId, 'logo', png(300, 300));
    expect(await db.asset.count({ where: { id: logo.id } })).toBe(0);
    for (let i = 0; i < 5; i += 1) await uploadAppImage(partner.actor, appId, 'screenshot', png(640, 360));
    expect(await failure(uploadAppImage(partner.actor, appId, 'screenshot', png(640, 360)))).toMatchObject({ status: 409 });
    const shots = (await getPartnerApp(partner.actor, appId)).openVersion!.screenshots;
    await removeAppImage(partner.actor, appId, shots[0].id);
    expect((await getPartnerApp(partner.actor, appId)).openVersion!.screenshots).toHaveLength(4);

    const other = await createPartner();
    expect(await findAppImage(replaced.id, { tenantId: null, userId: partner.actor.userId, isOperator: false })).toMatchObject({ public: false, contentType: 'image/png' });
    expect(await findAppImage(replaced.id, { tenantId: partner.sandbox.id, userId: null, isOperator: false })).not.toBeNull();
    expect(await findAppImage(replaced.id, { tenantId: null, userId: null, isOperator: true })).not.toBeNull();
    expect(await findAppImage(replaced.id, { tenantId: other.sandbox.id, userId: other.actor.userId, isOperator: false })).toBeNull();
    expect(await findAppImage(replaced.id, { tenantId: null, userId: null, isOperator: false })).toBeNull();
  });
});

describe('marketplace apps: isolation and roles', () => {
  let a: TestPartner;
  let b: TestPartner;
  let appId: string;
  let versionId: string;

  beforeAll(async () => {
    a = await createPartner();
    b = await createPartner();
    const created = await createApp(a.actor, { name: 'Private Thing', category: 'crm' });
    appId = created.app.id;
    versionId = created.app.openVersion!.id;
  });

  it("a partner never sees or touches another partner's app: every call is a 404", async () => {
    expect((await listPartnerApps(b.actor)).map((app) => app.id)).not.toContain(appId);
    expect((await listPartnerApps(a.actor)).map((app) => app.id)).toEqual([appId]);
    const calls: (() => Promise<unknown>)[] = [
      () => getPartnerApp(b.actor, appId),
      () => updateAppVersion(b.actor, appId, { tagline: 'mine now' }),
      () => runAppChecks(b.actor, appId, checkOptions),
      () => submitAppVersion(b.actor, appId, {}, null, checkOptions),
      () => addPartnerComment(b.actor, appId, { body: 'hello' }),
      () => startNewVersion(b.actor, appId),
      () => publishAppVersion(b.actor, appId),
      () => rotateAppClientSecret(b.actor, appId),
      () => revealWebhookSecret(b.actor, appId),
      () => rotateWebhookSecret(b.actor, appId),
      () => uploadAppImage(b.actor, appId, 'logo', logoPng()),
      () => removeAppImage(b.actor, appId, 'cm_nope'),
      () => deprecateApp({ partner: b.actor }, appId, {}),
      () => removeApp({ partner: b.actor }, appId, { reason: 'Not mine but still.' }),
    ];
    for (const call of calls) expect(await failure(call())).toMatchObject({ status: 404 });
    const untouched = await db.appVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(untouched.tagline).toBe('');
    expect(await db.appReviewComment.count({ where: { versionId } })).toBe(0);
  });

  it('billing contacts and partners that are not active cannot build apps (403)', async () => {
    const billing = await partnerUser(a.id, 'billing');
    expect(await failure(createApp(billing, { name: 'Nope', category: 'crm' }))).toMatchObject({ status: 403 });
    expect(await failure(updateAppVersion(billing, appId, { tagline: 'x' }))).toMatchObject({ status: 403 });
    const outdated = await createPartner();
    await db.partner.update({ where: { id: outdated.id }, data: { agreementVersion: '2000-01-01' } });
    const stale = await partnerUser(outdated.id, 'owner');
    const staleApp = (await createApp(stale, { name: 'Stale', category: 'crm' })).app.id;
    expect(await failure(submitAppVersion(stale, staleApp, {}, null, checkOptions))).toMatchObject({ status: 403, code: 'partner_agreement_required' });
    expect(await failure(publishAppVersion(stale, staleApp))).toMatchObject({ status: 403, code: 'partner_agreement_required' });
    const applicant = await createPartner({ status: 'applied' });
    expect(await failure(createApp(applicant.actor, { name: 'Nope', category: 'crm' }))).toMatchObject({ status: 403 });
    const developer = await partnerUser(a.id, 'developer');
    expect((await updateAppVersion(developer, appId, { tagline: 'By a developer' })).tagline).toBe('By a developer');
  });

  it('bad input: field errors, never a 500', async () => {
    const created = await failure(createApp(a.actor, { name: '', category: 'toys', slug: '-Bad Slug-', extra: 1 }));
    expect(created).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(Object.keys(created.fields!).sort()).toEqual(expect.arrayContaining(['category', 'name', 'slug']));
    const updated = await failure(
      updateAppVersion(a.actor, appId, {
        redirectUris: ['https://*.example.com/cb', 'not a url', 'https://ok.example.com/cb#frag'],
        scopes: [{ scope: 'admin:all', justification: 'everything' }, { scope: 'openid' }],
        websiteUrl: 'ftp://example.com',
        webhookEvents: ['goal.exploded'],
        webhookUrl: 'https://user:pw@example.com/hook',
        description: 'x'.repeat(9000),
      }),
    );
    expect(updated.status).toBe(422);
    expect(Object.keys(updated.fields!)).toEqual(
      expect.arrayContaining(['redirectUris.0', 'redirectUris.1', 'redirectUris.2', 'scopes.0.scope', 'scopes.1.scope', 'websiteUrl', 'webhookEvents.0', 'webhookUrl', 'description']),
    );
    expect((await failure(updateAppVersion(a.actor, appId, 'not an object'))).status).toBe(422);
    expect((await failure(addPartnerComment(a.actor, appId, { body: '   ' }))).fields).toEqual({ body: expect.any(String) });
    expect((await failure(submitAppVersion(a.actor, appId, { note: 5 }, null, checkOptions))).status).toBe(422);
  });
});
