import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { FORMER_MEMBER } from '../../lib/privacy/erase-user.ts';
import { scanDatabase } from '../support/scan-database.ts';
import { expectOk, expectScimError, membershipOf, scimWorkspace, USER_SCHEMA, type ScimWorkspace } from '../support/scim-client.ts';
import { workspace } from '../support/workspace.ts';

// A directory deleting a user erases that person's data in its workspace (shared progress stays
// as Former member) and nowhere else; deactivating only ends the membership; the last owner is
// answered with a SCIM 409, and nothing is erased.

async function provision(ws: ScimWorkspace, local: string, displayName: string): Promise<{ scimId: string; userId: string; email: string }> {
  const created = await ws.scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: ws.email(local), displayName, active: true });
  expectOk(created, 201);
  const user = await db.user.findUniqueOrThrow({ where: { email: ws.email(local) }, select: { id: true } });
  return { scimId: created.body.id as string, userId: user.id, email: ws.email(local) };
}

describe('SCIM erasure', () => {
  it('DELETE erases the person in that workspace only, keeping shared progress as Former member', async () => {
    const ws = await scimWorkspace();
    const elsewhere = await workspace();
    const name = `Ulla Quist${ws.domain.slice(5, 13)}`;
    const person = await provision(ws, 'ulla', name);
    await db.user.update({ where: { id: person.userId }, data: { name } });
    const t = ws.tenant.id;
    const team = await db.team.create({ data: { tenantId: t, name: 'Crew' } });
    const shared = await db.goal.create({ data: { tenantId: t, ownerId: ws.admin.userId, teamId: team.id, title: 'Launch' } });
    await db.goalProgressEntry.create({ data: { tenantId: t, goalId: shared.id, userId: person.userId, delta: 25, note: `${name} wrote the copy` } });
    const own = await db.goal.create({ data: { tenantId: t, ownerId: person.userId, title: `${name}'s plan` } });
    const habit = await db.habit.create({ data: { tenantId: t, userId: person.userId, name: 'Stretch' } });
    await db.comment.create({ data: { tenantId: t, goalId: shared.id, authorId: person.userId, body: 'On it' } });
    await db.userSession.create({ data: { userId: person.userId, tenantId: t, method: 'sso', ip: '203.0.113.7', expiresAt: new Date(Date.now() + 86_400_000) } });
    await db.emailMessage.create({ data: { tenantId: t, to: person.email, from: 'x@example.test', subject: 'Hi', html: `Hello ${name}`, text: `Hello ${name}`, kind: 'test', transport: 'outbox' } });
    // The same person in another workspace.
    await db.membership.create({ data: { tenantId: elsewhere.id, userId: person.userId, role: 'member' } });
    const kept = await db.habit.create({ data: { tenantId: elsewhere.id, userId: person.userId, name: 'Read' } });
    expect(await scanDatabase(person.email, t)).not.toEqual([]);

    expectOk(await ws.scim('DELETE', `/Users/${person.scimId}`), 204);

    expect(await scanDatabase(person.email, t)).toEqual([]);
    expect(await scanDatabase(name, t)).toEqual([]);
    expect(await membershipOf(t, person.email)).toBeNull();
    for (const count of [db.goal.count({ where: { id: own.id } }), db.habit.count({ where: { id: habit.id } }), db.userSession.count({ where: { tenantId: t, userId: person.userId } }), db.comment.count({ where: { tenantId: t, authorId: person.userId } })]) {
      expect(await count).toBe(0);
    }
    const progress = await db.goalProgressEntry.findFirstOrThrow({ where: { goalId: shared.id }, include: { user: { select: { name: true } } } });
    expect([progress.delta, progress.user.name]).toEqual([25, FORMER_MEMBER.name]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: t, action: 'member.erased' } });
    expect(audit.metadata).toMatchObject({ by: 'scim', directoryId: ws.directoryId });
    // The other workspace keeps them and their data.
    expect(await db.user.count({ where: { id: person.userId } })).toBe(1);
    expect(await db.membership.count({ where: { tenantId: elsewhere.id, userId: person.userId } })).toBe(1);
    expect(await db.habit.count({ where: { id: kept.id } })).toBe(1);
  });

  it('active=false only deactivates: the data stays for a return', async () => {
    const ws = await scimWorkspace();
    const person = await provision(ws, 'vera', 'Vera');
    const habit = await db.habit.create({ data: { tenantId: ws.tenant.id, userId: person.userId, name: 'Stretch' } });
    expectOk(await ws.scim('PATCH', `/Users/${person.scimId}`, { Operations: [{ op: 'replace', path: 'active', value: false }] }));
    expect(await membershipOf(ws.tenant.id, person.email)).toBeNull();
    expect(await db.habit.count({ where: { id: habit.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { tenantId: ws.tenant.id, action: 'member.erased' } })).toBe(0);
    // Deleted once deactivated (Entra's order): erased then.
    expectOk(await ws.scim('DELETE', `/Users/${person.scimId}`), 204);
    expect(await db.habit.count({ where: { id: habit.id } })).toBe(0);
    expect(await db.user.count({ where: { id: person.userId } })).toBe(0);
  });

  it("refuses to erase the workspace's last owner with a SCIM 409, erasing nothing", async () => {
    const ws = await scimWorkspace();
    const person = await provision(ws, 'olga', 'Olga');
    await db.membership.update({ where: { tenantId_userId: { tenantId: ws.tenant.id, userId: person.userId } }, data: { role: 'owner' } });
    await db.membership.update({ where: { tenantId_userId: { tenantId: ws.tenant.id, userId: ws.admin.userId } }, data: { role: 'admin' } });
    const habit = await db.habit.create({ data: { tenantId: ws.tenant.id, userId: person.userId, name: 'Plan' } });
    const refused = await ws.scim('DELETE', `/Users/${person.scimId}`);
    expectScimError(refused, 409);
    expect(refused.body.detail).toContain('last owner');
    expect((await membershipOf(ws.tenant.id, person.email))?.role).toBe('owner');
    expect(await db.habit.count({ where: { id: habit.id } })).toBe(1);
    expectOk(await ws.scim('GET', `/Users/${person.scimId}`));

    // Deactivated earlier, then made the last owner by hand: the DELETE is refused the same way.
    await db.scimUser.update({ where: { id: person.scimId }, data: { active: false } });
    expectScimError(await ws.scim('DELETE', `/Users/${person.scimId}`), 409);
    expect(await db.habit.count({ where: { id: habit.id } })).toBe(1);
  });
});
