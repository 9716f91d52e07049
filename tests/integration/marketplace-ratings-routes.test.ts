import { beforeAll, describe, expect, it } from 'vitest';
import * as workspaceReviewsRoute from '../../app/api/app/marketplace/apps/[appId]/reviews/route.ts';
import * as workspaceReportRoute from '../../app/api/app/marketplace/reviews/[reviewId]/reports/route.ts';
import * as operatorDismissRoute from '../../app/api/operator/reviews/[reviewId]/dismiss-reports/route.ts';
import * as operatorHideRoute from '../../app/api/operator/reviews/[reviewId]/hide/route.ts';
import * as operatorUnhideRoute from '../../app/api/operator/reviews/[reviewId]/unhide/route.ts';
import * as operatorReviewsRoute from '../../app/api/operator/reviews/route.ts';
import * as partnerAnalyticsRoute from '../../app/api/partner/apps/[appId]/analytics/route.ts';
import * as partnerReplyRoute from '../../app/api/partner/apps/[appId]/reviews/[reviewId]/reply/route.ts';
import * as partnerReportRoute from '../../app/api/partner/apps/[appId]/reviews/[reviewId]/reports/route.ts';
import * as partnerReviewsRoute from '../../app/api/partner/apps/[appId]/reviews/route.ts';
import { db } from '../../lib/db/client.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { createMember, createTenant } from '../support/factories.ts';
import { addPartnerUser, createApp, createPartner, install, type TestApp, type TestPartner } from '../support/marketplace-fixtures.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The three doors of reviews end to end through their route handlers: a workspace's admin
// writes, a member reads and reports, the partner replies and reads its analytics, the
// operator moderates. Status codes and bodies as a browser gets them.

const ROOT = 'localhost:3100';
let partner: TestPartner;
let stranger: TestPartner;
let app: TestApp;
let tenant: { id: string; host: string };
let outsider: { id: string; host: string };
const cookies: Record<string, string> = {};
let reviewId: string;

const onTenant = (t: { id: string; host: string }, handler: RouteHandlerFn, call: Partial<AppCall>) => callRoute(handler, { tenantId: t.id, host: t.host, path: '/', ...call });
const onRoot = (handler: RouteHandlerFn, call: Partial<AppCall>) => callRoute(handler, { tenantId: null, host: ROOT, path: '/', ...call });

beforeAll(async () => {
  partner = await createPartner();
  stranger = await createPartner();
  app = await createApp(partner, { name: 'Route Pulse' });
  const t = await createTenant();
  const o = await createTenant();
  tenant = { id: t.id, host: `${t.slug}.${ROOT}` };
  outsider = { id: o.id, host: `${o.slug}.${ROOT}` };
  const admin = await createMember(t.id, 'admin');
  const member = await createMember(t.id, 'member');
  const outsiderAdmin = await createMember(o.id, 'admin');
  await install(app, t.id, admin.id);
  cookies.admin = await sessionCookie(admin.id, t.id);
  cookies.member = await sessionCookie(member.id, t.id);
  cookies.outsiderAdmin = await sessionCookie(outsiderAdmin.id, o.id);
  cookies.partner = await sessionCookie(partner.actor.userId, null);
  cookies.developer = await sessionCookie((await addPartnerUser(partner.id, 'developer')).userId, null);
  cookies.billing = await sessionCookie((await addPartnerUser(partner.id, 'billing')).userId, null);
  cookies.stranger = await sessionCookie(stranger.actor.userId, null);
  cookies.operator = await sessionCookie((await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } })).id, null);
});

describe('workspace side', () => {
  it('an admin of the installing workspace saves the review (PUT), a member reads it (GET)', async () => {
    const saved = await onTenant(tenant, workspaceReviewsRoute.PUT, { method: 'PUT', params: { appId: app.id }, cookie: cookies.admin, json: { stars: 5, body: 'Excellent' } });
    expect(saved.status, saved.text).toBe(200);
    reviewId = saved.body.id as string;
    const read = await onTenant(tenant, workspaceReviewsRoute.GET, { params: { appId: app.id }, cookie: cookies.member, path: '/x?sort=highest' });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ summary: { average: 5, count: 1 }, canReview: true, canWrite: false, mine: { stars: 5 } });
  });

  it('a member cannot write it (403); another workspace without the app gets 403 app_not_installed', async () => {
    expect((await onTenant(tenant, workspaceReviewsRoute.PUT, { method: 'PUT', params: { appId: app.id }, cookie: cookies.member, json: { stars: 1 } })).status).toBe(403);
    const other = await onTenant(outsider, workspaceReviewsRoute.PUT, { method: 'PUT', params: { appId: app.id }, cookie: cookies.outsiderAdmin, json: { stars: 1 } });
    expect([other.status, other.body.code]).toEqual([403, 'app_not_installed']);
  });

  it('bad input is 422 with field errors; bad query 422', async () => {
    const bad = await onTenant(tenant, workspaceReviewsRoute.PUT, { method: 'PUT', params: { appId: app.id }, cookie: cookies.admin, json: { stars: 9, body: 'x'.repeat(3000) } });
    expect(bad.status, bad.text).toBe(422);
    expect(Object.keys(bad.body.errors as object).sort()).toEqual(['body', 'stars']);
    const query = await onTenant(tenant, workspaceReviewsRoute.GET, { params: { appId: app.id }, cookie: cookies.member, path: '/x?sort=%00' });
    expect(query.status, query.text).toBe(422);
  });

  it('a member of any workspace reports it (201); a bad reason is 422', async () => {
    const reported = await onTenant(outsider, workspaceReportRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.outsiderAdmin, json: { reason: 'Looks paid for' } });
    expect(reported.status, reported.text).toBe(201);
    const bad = await onTenant(outsider, workspaceReportRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.outsiderAdmin, json: { reason: '' } });
    expect([bad.status, Object.keys(bad.body.errors as object)]).toEqual([422, ['reason']]);
  });
});

describe('partner side', () => {
  it('reads its app’s reviews and analytics; a developer replies once (201, then 409)', async () => {
    const list = await onRoot(partnerReviewsRoute.GET, { params: { appId: app.id }, cookie: cookies.partner });
    expect(list.status, list.text).toBe(200);
    expect((list.body.reviews as { openReports: number }[])[0].openReports).toBe(1);
    const stats = await onRoot(partnerAnalyticsRoute.GET, { params: { appId: app.id }, cookie: cookies.billing, path: '/x?days=7' });
    expect(stats.status, stats.text).toBe(200);
    expect((stats.body.days as unknown[]).length).toBe(7);
    expect(stats.body.totals).toMatchObject({ active: 1, installs: 1 });
    const reply = await onRoot(partnerReplyRoute.POST, { method: 'POST', params: { appId: app.id, reviewId }, cookie: cookies.developer, json: { body: 'Thank you!' } });
    expect(reply.status, reply.text).toBe(201);
    const again = await onRoot(partnerReplyRoute.POST, { method: 'POST', params: { appId: app.id, reviewId }, cookie: cookies.partner, json: { body: 'Thanks again' } });
    expect([again.status, again.body.code]).toEqual([409, 'review_reply_exists']);
  });

  it('a billing contact cannot reply (403); bad analytics query is 422; a report from the partner is 201', async () => {
    expect((await onRoot(partnerReplyRoute.POST, { method: 'POST', params: { appId: app.id, reviewId }, cookie: cookies.billing, json: { body: 'Hi' } })).status).toBe(403);
    const bad = await onRoot(partnerAnalyticsRoute.GET, { params: { appId: app.id }, cookie: cookies.partner, path: '/x?days=abc' });
    expect([bad.status, Object.keys(bad.body.errors as object)]).toEqual([422, ['days']]);
    expect((await onRoot(partnerReportRoute.POST, { method: 'POST', params: { appId: app.id, reviewId }, cookie: cookies.partner, json: { reason: 'Not a customer' } })).status).toBe(201);
  });

  it("another partner gets 404 for the app's reviews, analytics, replies and reports", async () => {
    for (const [handler, method, params, json] of [
      [partnerReviewsRoute.GET, 'GET', { appId: app.id }, undefined],
      [partnerAnalyticsRoute.GET, 'GET', { appId: app.id }, undefined],
      [partnerReplyRoute.POST, 'POST', { appId: app.id, reviewId }, { body: 'Hi' }],
      [partnerReportRoute.POST, 'POST', { appId: app.id, reviewId }, { reason: 'Spam spam' }],
    ] as const) {
      const answer = await onRoot(handler, { method, params, cookie: cookies.stranger, json });
      expect(answer.status, `${method} ${answer.text}`).toBe(404);
    }
  });
});

describe('operator side', () => {
  it('lists reported reviews, hides one with a reason (out of the average), unhides it, dismisses reports', async () => {
    const queue = await onRoot(operatorReviewsRoute.GET, { cookie: cookies.operator });
    expect(queue.status, queue.text).toBe(200);
    expect((queue.body.reviews as { id: string; openReports: number }[]).find((r) => r.id === reviewId)?.openReports).toBe(2);
    const noReason = await onRoot(operatorHideRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.operator, json: {} });
    expect([noReason.status, Object.keys(noReason.body.errors as object)]).toEqual([422, ['reason']]);
    const hidden = await onRoot(operatorHideRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.operator, json: { reason: 'Paid review' } });
    expect(hidden.status, hidden.text).toBe(200);
    const read = await onTenant(outsider, workspaceReviewsRoute.GET, { params: { appId: app.id }, cookie: cookies.outsiderAdmin });
    expect(read.body).toMatchObject({ summary: { count: 0, average: null }, reviews: [] });
    const unhidden = await onRoot(operatorUnhideRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.operator, json: { reason: 'Appeal accepted' } });
    expect(unhidden.status, unhidden.text).toBe(200);
    await onTenant(outsider, workspaceReportRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.outsiderAdmin, json: { reason: 'Still looks paid' } });
    const dismissed = await onRoot(operatorDismissRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.operator, json: { reason: 'Checked: fine' } });
    expect([dismissed.status, dismissed.body.openReports]).toEqual([200, 0]);
    expect((await onRoot(operatorReviewsRoute.GET, { cookie: cookies.operator, path: '/x?filter=nope' })).status).toBe(422);
  });

  it('a partner or a workspace member is not an operator', async () => {
    expect((await onRoot(operatorHideRoute.POST, { method: 'POST', params: { reviewId }, cookie: cookies.partner, json: { reason: 'Paid review' } })).status).toBe(403);
  });
});
