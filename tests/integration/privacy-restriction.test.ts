import { describe, expect, it } from 'vitest';
import * as restrictionRoute from '../../app/api/platform/users/restriction/route.ts';
import * as goalsRoute from '../../app/api/app/goals/route.ts';
import { db } from '../../lib/db/client.ts';
import { sendEmail } from '../../lib/email/send-email.ts';
import { callRoute } from '../support/app-client.ts';
import { contextOf, createMember, createStaff, createTenant, TEST_PASSWORD } from '../support/factories.ts';
import { passwordSignIn } from '../support/next-auth-call.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// Restriction of processing on a person's request: their sessions end, they cannot sign in,
// no email goes to them, their data stays; lifting it restores sign-in and email.

describe('restriction of processing', () => {
  it('freezes sign-in and email, keeps the data, and is lifted the same way', async () => {
    const row = await createTenant();
    const tenant = await contextOf(row.id);
    const person = await createMember(row.id, 'member');
    await db.goal.create({ data: { tenantId: row.id, ownerId: person.id, title: 'Kept while frozen' } });
    const cookie = await sessionCookie(person.id, row.id);
    const host = `${row.slug}.localhost:3100`;
    const goals = () => callRoute(goalsRoute.GET, { host, tenantId: row.id, path: '/api/app/goals', cookie });
    expect((await goals()).status).toBe(200);

    const operator = await createStaff('owner');
    const opCookie = await sessionCookie(operator.id, null);
    const restrict = (restricted: boolean) => callRoute(restrictionRoute.POST, { method: 'POST', host: 'localhost:3100', path: '/api/platform/users/restriction', cookie: opCookie, json: { email: person.email.toUpperCase(), restricted, reason: 'Request DSR-12 (objection)' } });

    const frozen = await restrict(true);
    expect(frozen.status).toBe(200);
    expect(frozen.body.endedSessions).toBe(1);
    expect((await goals()).status).toBe(401);
    const refused = await passwordSignIn(tenant, person.email, TEST_PASSWORD);
    expect(refused.cookies['next-auth.session-token']).toBeFalsy();
    expect(await sendEmail({ tenant, to: person.email, kind: 'notification', subject: 'Hi', html: '<p>x</p>', text: 'x' })).toEqual({ id: '', delivery: 'suppressed', error: null });
    expect(await db.emailMessage.count({ where: { to: person.email } })).toBe(0);
    expect(await db.goal.count({ where: { ownerId: person.id } })).toBe(1);

    expect((await restrict(false)).status).toBe(200);
    const again = await passwordSignIn(tenant, person.email, TEST_PASSWORD);
    expect(again.cookies['next-auth.session-token']).toBeTruthy();
    expect((await sendEmail({ tenant, to: person.email, kind: 'notification', subject: 'Hi', html: '<p>x</p>', text: 'x' })).delivery).toBe('outbox');
    const audit = await db.platformAuditLog.findMany({ where: { targetId: person.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.reason])).toEqual([
      ['user.restricted', 'Request DSR-12 (objection)'],
      ['user.restriction_lifted', 'Request DSR-12 (objection)'],
    ]);
  });

  it('needs a reason and a known address, and staff who manage the platform', async () => {
    const support = await createStaff('support');
    const owner = await createStaff('owner');
    const post = async (userId: string, json: unknown) => callRoute(restrictionRoute.POST, { method: 'POST', host: 'localhost:3100', path: '/api/platform/users/restriction', cookie: await sessionCookie(userId, null), json });
    expect((await post(support.id, { email: owner.email, restricted: true, reason: 'Because of DSR-1' })).status).toBe(403);
    expect((await post(owner.id, { email: 'nobody@nowhere.test', restricted: true, reason: 'Because of DSR-1' })).status).toBe(404);
    expect((await post(owner.id, { email: owner.email, restricted: true })).status).toBe(422);
  });
});
