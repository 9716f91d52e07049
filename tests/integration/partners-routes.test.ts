import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { CURRENT_AGREEMENT } from '../../lib/partners/agreement.ts';
import * as acceptRoute from '../../app/api/partner/invitations/[token]/accept/route.ts';
import * as revokeRoute from '../../app/api/partner/invitations/revoke/route.ts';
import * as agreementRoute from '../../app/api/partner/agreement/route.ts';
import * as profileRoute from '../../app/api/partner/profile/route.ts';
import * as userRoute from '../../app/api/partner/users/[userId]/route.ts';
import * as usersRoute from '../../app/api/partner/users/route.ts';
import * as applyRoute from '../../app/api/partners/apply/route.ts';
import * as operatorPartnerRoute from '../../app/api/operator/partners/[partnerId]/route.ts';
import * as operatorPartnersRoute from '../../app/api/operator/partners/route.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { createPartner, createPartnerUser, partnerLinkToken } from '../support/partners.ts';
import { operator } from '../support/resellers.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The partner program over HTTP, as the pages call it: on the root domain, with a session
// cookie and the root domain's Origin on writes.

const ROOT = 'localhost:3100';
const onRoot = (handler: RouteHandlerFn, call: Omit<AppCall, 'host' | 'tenantId'>) => callRoute(handler, { ...call, host: ROOT, tenantId: null });

describe('partner routes', () => {
  it('apply → confirm → operator approves → the owner edits the profile, accepts the agreement and invites a developer', async () => {
    const id = randomBytes(4).toString('hex');
    const email = `route-${id}@orbit.test`;
    const form = { companyName: `Route Apps ${id}`, website: 'https://route.example.com', contactName: 'Rae Route', email, note: 'An integration that posts goal updates to chat.' };

    const bad = await onRoot(applyRoute.POST, { method: 'POST', path: '/api/partners/apply', json: { ...form, email: 'nope', note: '' } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: { email: expect.any(String), note: expect.any(String) } });
    expect((await onRoot(applyRoute.POST, { method: 'POST', path: '/api/partners/apply', json: form, origin: 'http://evil.test' })).status).toBe(403);
    const applied = await onRoot(applyRoute.POST, { method: 'POST', path: '/api/partners/apply', json: form });
    expect(applied.status, applied.text).toBe(202);
    expect(applied.body).toEqual({ status: 'received', message: expect.stringContaining('Check your email') });

    const token = await partnerLinkToken(email);
    const accepted = await onRoot(acceptRoute.POST, { method: 'POST', path: `/api/partner/invitations/${token}/accept`, params: { token }, json: { name: 'Rae Route', password: 'route-password-1' } });
    expect(accepted.status, accepted.text).toBe(201);
    const owner = await db.user.findUniqueOrThrow({ where: { email } });
    const partner = await db.partner.findFirstOrThrow({ where: { users: { some: { userId: owner.id } } } });
    const cookie = await sessionCookie(owner.id, null);

    // The operator's queue has the application; nobody else may read it.
    const op = await operator();
    const opCookie = await sessionCookie(op.userId, null);
    const queue = await onRoot(operatorPartnersRoute.GET, { path: '/api/operator/partners?status=applied', cookie: opCookie });
    expect(queue.status).toBe(200);
    expect((queue.body.partners as { id: string }[]).map((p) => p.id)).toContain(partner.id);
    expect((await onRoot(operatorPartnersRoute.GET, { path: '/api/operator/partners', cookie })).status).toBe(403);

    const noReason = await onRoot(operatorPartnerRoute.PATCH, { method: 'PATCH', path: `/api/operator/partners/${partner.id}`, params: { partnerId: partner.id }, cookie: opCookie, json: { action: 'reject' } });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ errors: { reason: expect.any(String) } });
    const approved = await onRoot(operatorPartnerRoute.PATCH, { method: 'PATCH', path: `/api/operator/partners/${partner.id}`, params: { partnerId: partner.id }, cookie: opCookie, json: { action: 'approve' } });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.partner).toMatchObject({ status: 'active', sandbox: { slug: expect.stringContaining('sandbox') } });
    const again = await onRoot(operatorPartnerRoute.PATCH, { method: 'PATCH', path: `/api/operator/partners/${partner.id}`, params: { partnerId: partner.id }, cookie: opCookie, json: { action: 'approve' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('partner_application_decided');

    const profile = await onRoot(profileRoute.PATCH, { method: 'PATCH', path: '/api/partner/profile', cookie, json: { website: 'https://route.example.com/new', privacyPolicyUrl: 'https://route.example.com/privacy' } });
    expect(profile.status, profile.text).toBe(200);
    expect(profile.body.partner).toMatchObject({ website: 'https://route.example.com/new' });
    const badProfile = await onRoot(profileRoute.PATCH, { method: 'PATCH', path: '/api/partner/profile', cookie, json: { supportEmail: 'nope', extra: 1 } });
    expect(badProfile.status).toBe(422);

    expect((await onRoot(agreementRoute.POST, { method: 'POST', path: '/api/partner/agreement', cookie, json: { version: 'old' } })).status).toBe(422);
    const agreed = await onRoot(agreementRoute.POST, { method: 'POST', path: '/api/partner/agreement', cookie, json: { version: CURRENT_AGREEMENT.version } });
    expect(agreed.status, agreed.text).toBe(200);

    const devEmail = `dev-${id}@orbit.test`;
    const invited = await onRoot(usersRoute.POST, { method: 'POST', path: '/api/partner/users', cookie, json: { email: devEmail, role: 'developer' } });
    expect(invited.status, invited.text).toBe(201);
    expect(invited.body).toMatchObject({ status: 'invited', email: devEmail, role: 'developer' });
    const people = await onRoot(usersRoute.GET, { path: '/api/partner/users', cookie });
    expect(people.body).toMatchObject({ pending: [{ email: devEmail, role: 'developer' }] });
    expect((await onRoot(revokeRoute.POST, { method: 'POST', path: '/api/partner/invitations/revoke', cookie, json: { email: devEmail } })).status).toBe(204);
    expect((await onRoot(revokeRoute.POST, { method: 'POST', path: '/api/partner/invitations/revoke', cookie, json: { email: devEmail } })).status).toBe(404);
  });

  it("developers cannot do owner things; another partner's people are 404", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const dev = await createPartnerUser(a.id, 'developer');
    const devCookie = await sessionCookie(dev.id, null);
    expect((await onRoot(profileRoute.GET, { path: '/api/partner/profile', cookie: devCookie })).status).toBe(200);
    expect((await onRoot(profileRoute.PATCH, { method: 'PATCH', path: '/api/partner/profile', cookie: devCookie, json: { name: 'Taken over' } })).status).toBe(403);
    expect((await onRoot(usersRoute.POST, { method: 'POST', path: '/api/partner/users', cookie: devCookie, json: { email: 'x@y.test' } })).status).toBe(403);
    const ownerCookie = await sessionCookie(a.actor.userId, null);
    const stranger = b.actor.userId;
    const answer = await onRoot(userRoute.DELETE, { method: 'DELETE', path: `/api/partner/users/${stranger}`, params: { userId: stranger }, cookie: ownerCookie });
    expect(answer.status).toBe(404);
    const role = await onRoot(userRoute.PATCH, { method: 'PATCH', path: `/api/partner/users/${dev.id}`, params: { userId: dev.id }, cookie: ownerCookie, json: { role: 'owner' } });
    expect(role.status, role.text).toBe(200);
  });
});
