import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as eraseRoute from '../../app/api/platform/users/[userId]/erase/route.ts';
import { recordAudit } from '../../lib/audit/record-audit.ts';
import { db } from '../../lib/db/client.ts';
import type { PlatformRole } from '../../lib/db/generated/enums.ts';
import { FORMER_MEMBER } from '../../lib/privacy/erase-user.ts';
import { findPerson } from '../../lib/privacy/person-lookup.ts';
import { setRestriction } from '../../lib/privacy/restriction.ts';
import { recordRequest } from '../../lib/privacy/requests.ts';
import { callRoute } from '../support/app-client.ts';
import { operator } from '../support/resellers.ts';
import { scanDatabase } from '../support/scan-database.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { memberIn, workspace } from '../support/workspace.ts';
import { createStaff } from '../support/factories.ts';

// An operator erases a person on request: everywhere (each workspace's rows, shared progress as
// Former member), in both audit logs, completing the linked request; refused to staff who do
// not manage the platform, for staff accounts and for a workspace's last owner.

const host = 'localhost:3100';
const tag = () => randomBytes(4).toString('hex');

async function staffCookie(role: PlatformRole): Promise<string> {
  const user = await createStaff(role, `${role}-${tag()}@staff.test`);
  return sessionCookie(user.id, null);
}

const erase = (cookie: string, userId: string, json: unknown) => callRoute(eraseRoute.POST, { method: 'POST', host, path: `/api/platform/users/${userId}/erase`, params: { userId }, cookie, json });

describe('operator erasure', () => {
  it('erases the person in every workspace, audited in both logs, and completes the request it answers', async () => {
    const a = await workspace();
    const b = await workspace();
    const admin = await memberIn(a, 'admin');
    const person = await memberIn(a);
    const suffix = tag();
    const name = `Yorick Plume${suffix}`;
    await db.user.update({ where: { id: person.userId }, data: { name } });
    await db.membership.create({ data: { tenantId: b.id, userId: person.userId, role: 'member' } });
    const team = await db.team.create({ data: { tenantId: a.id, name: `Crew ${tag()}` } });
    const shared = await db.goal.create({ data: { tenantId: a.id, ownerId: admin.userId, teamId: team.id, title: 'Launch' } });
    await db.goalProgressEntry.create({ data: { tenantId: a.id, goalId: shared.id, userId: person.userId, delta: 30, note: `${name} did it` } });
    await db.goal.create({ data: { tenantId: b.id, ownerId: person.userId, title: `${name}'s plan` } });
    await db.habit.create({ data: { tenantId: b.id, userId: person.userId, name: 'Run' } });
    await recordAudit(db, { tenantId: a.id, actor: { id: admin.userId, email: admin.email }, action: 'member.role_changed', target: { type: 'user', id: person.userId }, metadata: { email: person.email, name } });
    await db.emailMessage.create({ data: { tenantId: b.id, to: person.email, from: 'x@example.test', subject: 'Hi', html: `Hello ${name}`, text: `Hello ${name}`, kind: 'test', transport: 'outbox' } });
    const op = await operator();
    const request = await recordRequest(op, { kind: 'erasure', subjectEmail: person.email, details: 'By letter' });
    expect(await scanDatabase(person.email)).not.toEqual([]);

    const done = await erase(await sessionCookie(op.userId, null), person.userId, { reason: 'Erasure request by letter', requestId: request.id });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ workspaces: 2, requestId: request.id });

    // The register keeps whom the answered request was about; nothing else does.
    expect(await scanDatabase(person.email)).toEqual(['DataSubjectRequest.subjectEmail']);
    expect(await scanDatabase(`Plume${suffix}`)).toEqual([]);
    expect(await db.user.count({ where: { id: person.userId } })).toBe(0);
    const progress = await db.goalProgressEntry.findFirstOrThrow({ where: { goalId: shared.id }, include: { user: { select: { name: true } } } });
    expect([progress.delta, progress.user.name, progress.note]).toEqual([30, FORMER_MEMBER.name, null]);
    const platform = await db.platformAuditLog.findFirstOrThrow({ where: { targetId: person.userId, action: 'user.erased' } });
    expect(platform).toMatchObject({ actorId: op.userId, reason: 'Erasure request by letter', metadata: { by: 'operator', workspaces: 2, requestId: request.id } });
    for (const tenant of [a, b]) expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'member.erased', metadata: { path: ['by'], equals: 'operator' } } })).toBe(1);
    const answered = await db.dataSubjectRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(answered.completedAt).not.toBeNull();
    expect(answered.outcome).toContain('Erased from 2 workspace(s)');
    // Gone: a second call finds no one.
    expect((await erase(await sessionCookie(op.userId, null), person.userId, { reason: 'Erasure request by letter' })).status).toBe(404);
  });

  it('is for staff who manage the platform, needs a reason, and refuses staff accounts and last owners', async () => {
    const tenant = await workspace();
    const owner = await memberIn(tenant, 'owner');
    const person = await memberIn(tenant);
    const reason = { reason: 'Erasure request DSR-9' };
    expect((await erase(await staffCookie('read_only'), person.userId, reason)).status).toBe(403);
    expect((await erase(await staffCookie('support'), person.userId, reason)).status).toBe(403);
    const manager = await staffCookie('owner');
    expect((await erase(manager, person.userId, {})).status).toBe(422);
    expect((await erase(manager, 'nosuchuser000', reason)).status).toBe(404);

    const staff = await createStaff('support', `support-${tag()}@staff.test`);
    const refusedStaff = await erase(manager, staff.id, reason);
    expect([refusedStaff.status, refusedStaff.body.detail]).toEqual([409, expect.stringContaining('staff')]);

    expect(await db.membership.count({ where: { tenantId: tenant.id, role: 'owner' } })).toBe(1);
    const lastOwner = await erase(manager, owner.userId, reason);
    expect([lastOwner.status, lastOwner.body.detail]).toEqual([409, expect.stringContaining(`last owner of ${tenant.name}`)]);
    expect(await db.user.count({ where: { id: owner.userId } })).toBe(1);

    // A request about someone else is not answered by erasing this person.
    const other = await recordRequest(await operator(), { kind: 'erasure', subjectEmail: `someone-${tag()}@example.test` });
    expect((await erase(manager, person.userId, { ...reason, requestId: other.id })).status).toBe(422);
    expect(await db.user.count({ where: { id: person.userId } })).toBe(1);
  });

  it('finds a person by address: workspaces, last ownership, restriction (since, why, by whom), open requests', async () => {
    const tenant = await workspace();
    const owner = await memberIn(tenant, 'owner');
    const op = await operator();
    expect(await db.membership.count({ where: { tenantId: tenant.id, role: 'owner' } })).toBe(1);
    await recordRequest(op, { kind: 'restriction', subjectEmail: owner.email });
    await setRestriction(op, { email: owner.email, restricted: true, reason: 'Objection DSR-3' });
    const found = await findPerson(`  ${owner.email.toUpperCase()} `);
    expect(found).toMatchObject({
      id: owner.userId,
      workspaces: [{ tenantId: tenant.id, role: 'owner', lastOwner: true }],
      restriction: { reason: 'Objection DSR-3', by: op.email },
      openRequests: [expect.objectContaining({ kind: 'restriction' })],
      erasureBlocker: expect.stringContaining(`last owner of ${tenant.name}`),
    });
    await setRestriction(op, { email: owner.email, restricted: false, reason: 'Objection withdrawn' });
    expect((await findPerson(owner.email))?.restriction).toBeNull();
    expect(await findPerson('nobody-here@example.test')).toBeNull();
    expect(await findPerson('not an address')).toBeNull();
  });
});
