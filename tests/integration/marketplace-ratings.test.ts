import { beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import type { OperatorActor } from '../../lib/resellers/reseller-actor.ts';
import {
  deleteWorkspaceReview,
  dismissReports,
  hideReview,
  operatorReviews,
  partnerReviews,
  ratingSummaries,
  ratingSummary,
  replyToReview,
  reportReviewFromPartner,
  reportReviewFromWorkspace,
  saveWorkspaceReview,
  unhideReview,
  workspaceReviews,
} from '../../lib/marketplace/ratings.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { addPartnerUser, createApp, createPartner, install, uninstall, type TestApp, type TestPartner } from '../support/marketplace-fixtures.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Two partners (N and O); N has a published app, a deprecated one and a draft. Workspaces:
// A and B install N's app, C does not, D installed and uninstalled it. Who may review, reply,
// report and moderate, and what each side sees.

let n: TestPartner;
let o: TestPartner;
let app: TestApp;
let deprecated: TestApp;
let draft: TestApp;
let oApp: TestApp;
const ws: Record<'a' | 'b' | 'c' | 'd', { tenant: TenantContext; admin: Member; member: Member }> = {} as never;
let operator: OperatorActor;

beforeAll(async () => {
  n = await createPartner();
  o = await createPartner();
  app = await createApp(n, { name: 'Pulse Test' });
  deprecated = await createApp(n, { status: 'deprecated' });
  draft = await createApp(n, { status: 'draft' });
  oApp = await createApp(o);
  for (const key of ['a', 'b', 'c', 'd'] as const) {
    const tenant = await workspace();
    ws[key] = { tenant, admin: await memberIn(tenant, 'admin'), member: await memberIn(tenant, 'member') };
  }
  await install(app, ws.a.tenant.id, ws.a.admin.userId);
  await install(app, ws.b.tenant.id, ws.b.admin.userId);
  await install(deprecated, ws.a.tenant.id, ws.a.admin.userId);
  await uninstall(await install(app, ws.d.tenant.id, ws.d.admin.userId));
  const op = await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } });
  operator = { userId: op.id, email: op.email, role: 'owner' };
});

describe('a workspace reviews an app it has installed', () => {
  it('an admin of an installing workspace rates it; the listing shows it with the average and count', async () => {
    const saved = await saveWorkspaceReview(ws.a.tenant, ws.a.admin, app.id, { stars: 4, body: '  Works well.  ' });
    expect(saved).toMatchObject({ stars: 4, body: 'Works well.', mine: true, reply: null, hidden: null });
    const seen = await workspaceReviews(ws.c.tenant, ws.c.member, app.id);
    expect(seen.summary).toEqual({ average: 4, count: 1, distribution: [0, 0, 0, 1, 0] });
    expect(seen.reviews).toHaveLength(1);
    expect(seen.reviews[0]).toMatchObject({ stars: 4, mine: false });
    expect(seen).toMatchObject({ mine: null, canReview: false, canWrite: false });
    const audit = await db.auditLog.findFirst({ where: { tenantId: ws.a.tenant.id, action: 'app_review.created' } });
    expect(audit?.metadata).toMatchObject({ appId: app.id, stars: 4 });
  });

  it('one review per workspace: saving again replaces it (edit), whoever of its admins saves', async () => {
    const other = await memberIn(ws.a.tenant, 'owner');
    const edited = await saveWorkspaceReview(ws.a.tenant, other, app.id, { stars: 2, body: 'Got worse.' });
    expect(edited).toMatchObject({ stars: 2, body: 'Got worse.' });
    expect(await db.appRating.count({ where: { appId: app.id, tenantId: ws.a.tenant.id } })).toBe(1);
    expect((await workspaceReviews(ws.a.tenant, ws.a.member, app.id)).mine).toMatchObject({ stars: 2, mine: true });
    expect(await db.auditLog.count({ where: { tenantId: ws.a.tenant.id, action: 'app_review.updated' } })).toBe(1);
  });

  it('stars alone are a review; the average spans the workspaces', async () => {
    await saveWorkspaceReview(ws.b.tenant, ws.b.admin, app.id, { stars: 5 });
    expect(await ratingSummary(app.id)).toEqual({ average: 3.5, count: 2, distribution: [0, 1, 0, 0, 1] });
    const view = await workspaceReviews(ws.b.tenant, ws.b.member, app.id, { sort: 'lowest' });
    expect(view.reviews.map((r) => r.stars)).toEqual([2, 5]);
    expect(view).toMatchObject({ canReview: true, canWrite: false });
  });

  it('a member (not an admin) cannot write the review: 403', async () => {
    const error = await failure(saveWorkspaceReview(ws.a.tenant, ws.a.member, app.id, { stars: 5 }));
    expect([error.status, error.code]).toEqual([403, 'forbidden']);
  });

  it('a workspace without an active installation cannot review: never installed, or uninstalled (403 app_not_installed)', async () => {
    for (const key of ['c', 'd'] as const) {
      const error = await failure(saveWorkspaceReview(ws[key].tenant, ws[key].admin, app.id, { stars: 5, body: 'Great' }));
      expect([error.status, error.code]).toEqual([403, 'app_not_installed']);
    }
    expect(await db.appRating.count({ where: { appId: app.id, tenantId: { in: [ws.c.tenant.id, ws.d.tenant.id] } } })).toBe(0);
  });

  it("the partner's own sandbox cannot review the partner's app, though it may install it", async () => {
    const sandboxAdmin = await memberIn(n.sandbox, 'admin');
    await install(app, n.sandbox.id, sandboxAdmin.userId);
    const error = await failure(saveWorkspaceReview(n.sandbox, sandboxAdmin, app.id, { stars: 5 }));
    expect(error.status).toBe(403);
    expect((await workspaceReviews(n.sandbox, sandboxAdmin, app.id)).canReview).toBe(false);
  });

  it('bad input is 422 with field errors: stars out of range, not whole, missing; text too long or with control characters', async () => {
    const cases: [unknown, string][] = [
      [{ stars: 0 }, 'stars'],
      [{ stars: 6 }, 'stars'],
      [{ stars: 3.5 }, 'stars'],
      [{ stars: '4' }, 'stars'],
      [{}, 'stars'],
      [{ stars: 3, body: 'x'.repeat(2001) }, 'body'],
      [{ stars: 3, body: 'nul \u0000 byte' }, 'body'],
      [{ stars: 3, body: 42 }, 'body'],
      [null, '_'],
    ];
    for (const [input, field] of cases) {
      const error = await failure(saveWorkspaceReview(ws.a.tenant, ws.a.admin, app.id, input));
      expect([error.status, error.code], JSON.stringify(input)).toEqual([422, 'validation_failed']);
      expect(Object.keys(error.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect((await failure(workspaceReviews(ws.a.tenant, ws.a.member, app.id, { sort: 'random' }))).status).toBe(422);
  });

  it('apps a workspace cannot see are 404: a draft, a deprecated app it has not installed, an unknown id', async () => {
    for (const id of [draft.id, 'app_nosuchthing']) {
      expect((await failure(workspaceReviews(ws.a.tenant, ws.a.member, id))).status).toBe(404);
      expect((await failure(saveWorkspaceReview(ws.a.tenant, ws.a.admin, id, { stars: 5 }))).status).toBe(404);
    }
    expect((await failure(workspaceReviews(ws.b.tenant, ws.b.member, deprecated.id))).status).toBe(404);
    // Deprecated but installed: it still works there, and can be reviewed.
    expect(await saveWorkspaceReview(ws.a.tenant, ws.a.admin, deprecated.id, { stars: 3 })).toMatchObject({ stars: 3 });
    // A workspace whose admins hid the marketplace, or allow other apps only, does not see it (unless installed).
    const hidden = await workspace();
    await db.tenant.update({ where: { id: hidden.id }, data: { marketplaceMode: 'hidden' } });
    expect((await failure(workspaceReviews(hidden, await memberIn(hidden, 'member'), app.id))).status).toBe(404);
    const allowList = await workspace();
    await db.tenant.update({ where: { id: allowList.id }, data: { marketplaceMode: 'allow_list', marketplaceAllowList: [oApp.id] } });
    const allowListMember = await memberIn(allowList, 'member');
    expect((await failure(workspaceReviews(allowList, allowListMember, app.id))).status).toBe(404);
    expect((await workspaceReviews(allowList, allowListMember, oApp.id)).canReview).toBe(false);
    // A draft in its partner's own sandbox is visible there.
    expect((await workspaceReviews(n.sandbox, await memberIn(n.sandbox, 'member'), draft.id)).reviews).toEqual([]);
  });

  it('a workspace withdraws its review (admins); idempotent', async () => {
    const c = await workspace();
    const admin = await memberIn(c, 'admin');
    await install(oApp, c.id, admin.userId);
    await saveWorkspaceReview(c, admin, oApp.id, { stars: 1, body: 'Meh' });
    expect((await failure(deleteWorkspaceReview(c, await memberIn(c, 'member'), oApp.id))).status).toBe(403);
    await deleteWorkspaceReview(c, admin, oApp.id);
    await deleteWorkspaceReview(c, admin, oApp.id);
    expect(await ratingSummary(oApp.id)).toMatchObject({ count: 0, average: null });
  });
});

describe('the partner replies', () => {
  let reviewA: string;

  beforeAll(async () => {
    reviewA = (await db.appRating.findUniqueOrThrow({ where: { appId_tenantId: { appId: app.id, tenantId: ws.a.tenant.id } } })).id;
  });

  it("lists its app's reviews (no workspace names) and replies once; the reply shows on the listing", async () => {
    const listed = await partnerReviews(n.actor, app.id);
    expect(listed.reviews).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain(ws.a.tenant.name);
    const replied = await replyToReview(n.actor, app.id, reviewA, { body: 'Sorry, fixed in 1.2.' });
    expect(replied.reply?.body).toBe('Sorry, fixed in 1.2.');
    const seen = await workspaceReviews(ws.c.tenant, ws.c.member, app.id);
    expect(seen.reviews.find((r) => r.id === reviewA)?.reply?.body).toBe('Sorry, fixed in 1.2.');
    expect(await db.platformAuditLog.count({ where: { action: 'app_rating.replied', targetId: reviewA } })).toBe(1);
    expect((await partnerReviews(n.actor, app.id, { filter: 'unreplied' })).reviews).toHaveLength(1);
  });

  it('a second reply is 409 review_reply_exists, also from another user of the partner; the first stays', async () => {
    const developer = await addPartnerUser(n.id, 'developer');
    const error = await failure(replyToReview(developer, app.id, reviewA, { body: 'Second try' }));
    expect([error.status, error.code]).toEqual([409, 'review_reply_exists']);
    expect((await db.appRating.findUniqueOrThrow({ where: { id: reviewA } })).partnerReply).toBe('Sorry, fixed in 1.2.');
  });

  it("the workspace's edit keeps the reply", async () => {
    await saveWorkspaceReview(ws.a.tenant, ws.a.admin, app.id, { stars: 3, body: 'Better now.' });
    expect((await workspaceReviews(ws.a.tenant, ws.a.member, app.id)).mine?.reply?.body).toBe('Sorry, fixed in 1.2.');
  });

  it("another partner's apps and reviews are 404 (cross-partner ids), as is a review of another app", async () => {
    expect((await failure(partnerReviews(o.actor, app.id))).status).toBe(404);
    expect((await failure(replyToReview(o.actor, app.id, reviewA, { body: 'Hi' }))).status).toBe(404);
    expect((await failure(replyToReview(o.actor, oApp.id, reviewA, { body: 'Hi' }))).status).toBe(404);
    expect((await failure(reportReviewFromPartner(o.actor, oApp.id, reviewA, { reason: 'Spam spam' }))).status).toBe(404);
    expect((await failure(replyToReview(n.actor, deprecated.id, reviewA, { body: 'Hi' }))).status).toBe(404);
  });

  it('bad replies are 422', async () => {
    const reviewB = (await db.appRating.findUniqueOrThrow({ where: { appId_tenantId: { appId: app.id, tenantId: ws.b.tenant.id } } })).id;
    for (const input of [{}, { body: '   ' }, { body: 'x'.repeat(2001) }, { body: ['a'] }]) {
      const error = await failure(replyToReview(n.actor, app.id, reviewB, input));
      expect([error.status, Object.keys(error.fields ?? {})], JSON.stringify(input)).toEqual([422, ['body']]);
    }
    expect((await failure(partnerReviews(n.actor, app.id, { filter: 'nope' }))).status).toBe(422);
  });
});

describe('reports and moderation', () => {
  let reviewB: string;

  beforeAll(async () => {
    reviewB = (await db.appRating.findUniqueOrThrow({ where: { appId_tenantId: { appId: app.id, tenantId: ws.b.tenant.id } } })).id;
  });

  it('any member of a workspace that sees the app reports a review; the partner too; a second report by the same person updates it', async () => {
    expect(await reportReviewFromWorkspace(ws.c.tenant, ws.c.member, reviewB, { reason: 'Spam link' })).toEqual({ reported: true });
    await reportReviewFromWorkspace(ws.c.tenant, ws.c.member, reviewB, { reason: 'Spam link, really' });
    await reportReviewFromPartner(n.actor, app.id, reviewB, { reason: 'Fake review by a competitor' });
    const reports = await db.appRatingReport.findMany({ where: { ratingId: reviewB }, orderBy: { createdAt: 'asc' } });
    expect(reports.map((r) => r.reason)).toEqual(['Spam link, really', 'Fake review by a competitor']);
    expect((await partnerReviews(n.actor, app.id)).reviews.find((r) => r.id === reviewB)?.openReports).toBe(2);
  });

  it('a workspace that cannot see the app cannot report its reviews (404); bad reasons are 422', async () => {
    const draftReview = await db.appRating.create({ data: { appId: draft.id, tenantId: n.sandbox.id, stars: 5, body: 'x' } });
    expect((await failure(reportReviewFromWorkspace(ws.c.tenant, ws.c.member, draftReview.id, { reason: 'Spam link' }))).status).toBe(404);
    expect((await failure(reportReviewFromWorkspace(ws.c.tenant, ws.c.member, 'nosuchreview', { reason: 'Spam link' }))).status).toBe(404);
    for (const input of [{}, { reason: 'x' }, { reason: 'y'.repeat(501) }]) {
      const error = await failure(reportReviewFromWorkspace(ws.c.tenant, ws.c.member, reviewB, input));
      expect([error.status, Object.keys(error.fields ?? {})]).toEqual([422, ['reason']]);
    }
    await db.appRating.delete({ where: { id: draftReview.id } });
  });

  it("the operator's queue lists reported reviews with who wrote and who reported them", async () => {
    const queue = await operatorReviews();
    const item = queue.reviews.find((r) => r.id === reviewB);
    expect(item).toMatchObject({ openReports: 2, author: ws.b.admin.email, workspace: { id: ws.b.tenant.id }, app: { id: app.id, name: 'Pulse Test', partnerName: n.name } });
    expect(item?.reports.map((r) => r.reporter)).toEqual(expect.arrayContaining([ws.c.member.email, n.actor.email]));
    expect(queue.reviews.some((r) => r.openReports === 0)).toBe(false);
  });

  it('the operator hides a review with a reason: it leaves the listing and the average, its reports close, its workspace and the partner still see it marked', async () => {
    const before = await ratingSummary(app.id);
    const hidden = await hideReview(operator, reviewB, { reason: 'Spam link in the text' });
    expect(hidden).toMatchObject({ hidden: { reason: 'Spam link in the text' }, openReports: 0 });
    const after = await ratingSummary(app.id);
    expect(after.count).toBe(before.count - 1);
    expect(after).toEqual({ average: 3, count: 1, distribution: [0, 0, 1, 0, 0] });
    expect((await workspaceReviews(ws.c.tenant, ws.c.member, app.id)).reviews.map((r) => r.id)).not.toContain(reviewB);
    expect((await workspaceReviews(ws.b.tenant, ws.b.member, app.id)).mine?.hidden?.reason).toBe('Spam link in the text');
    expect((await partnerReviews(n.actor, app.id, { filter: 'hidden' })).reviews.map((r) => r.id)).toEqual([reviewB]);
    expect((await failure(replyToReview(n.actor, app.id, reviewB, { body: 'Hello' }))).status).toBe(409);
    expect((await failure(reportReviewFromWorkspace(ws.c.tenant, ws.c.member, reviewB, { reason: 'Spam link' }))).status).toBe(404);
    expect((await failure(hideReview(operator, reviewB, { reason: 'Again please' }))).status).toBe(409);
    expect((await operatorReviews({ filter: 'hidden' })).reviews.map((r) => r.id)).toContain(reviewB);
    expect((await operatorReviews()).reviews.map((r) => r.id)).not.toContain(reviewB);
    const audit = await db.platformAuditLog.findFirst({ where: { action: 'app_rating.hidden', targetId: reviewB } });
    expect(audit).toMatchObject({ actorEmail: operator.email, reason: 'Spam link in the text' });
  });

  it('the operator unhides it with a reason: back in the average', async () => {
    expect((await failure(unhideReview(operator, reviewB, {}))).status).toBe(422);
    await unhideReview(operator, reviewB, { reason: 'The link was the vendor docs' });
    expect(await ratingSummary(app.id)).toMatchObject({ count: 2, average: 4 });
    expect((await failure(unhideReview(operator, reviewB, { reason: 'Twice over' }))).status).toBe(409);
    expect(await db.platformAuditLog.count({ where: { action: 'app_rating.unhidden', targetId: reviewB, reason: 'The link was the vendor docs' } })).toBe(1);
  });

  it('dismissing reports closes them without hiding; with none open it is 409; unknown review 404', async () => {
    await reportReviewFromWorkspace(ws.c.tenant, ws.c.member, reviewB, { reason: 'Still spam' });
    const dismissed = await dismissReports(operator, reviewB, { reason: 'Not abuse' });
    expect(dismissed).toMatchObject({ hidden: null, openReports: 0 });
    expect((await failure(dismissReports(operator, reviewB, { reason: 'Not abuse' }))).status).toBe(409);
    expect((await failure(hideReview(operator, 'nosuchreview', { reason: 'Spam spam' }))).status).toBe(404);
    expect((await failure(operatorReviews({ filter: 'bogus' }))).status).toBe(422);
  });

  it('summaries for several apps at once (listing cards)', async () => {
    const map = await ratingSummaries([app.id, oApp.id, 'app_nothing']);
    expect(map.get(app.id)).toMatchObject({ count: 2 });
    expect(map.get(oApp.id)).toEqual({ average: null, count: 0, distribution: [0, 0, 0, 0, 0] });
    expect(map.get('app_nothing')?.count).toBe(0);
  });
});
