import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { changeRole, leaveWorkspace, listMembers, removeMember, transferOwnership } from '../../lib/members/members.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';

async function workspace() {
  const tenant = await createTenant();
  const owner = await createMember(tenant.id, 'owner');
  const admin = await createMember(tenant.id, 'admin');
  const member = await createMember(tenant.id, 'member');
  const viewer = await createMember(tenant.id, 'viewer');
  return {
    tenant: await contextOf(tenant.id),
    owner: await memberOf(tenant.id, owner.id),
    admin: await memberOf(tenant.id, admin.id),
    member: await memberOf(tenant.id, member.id),
    viewer: await memberOf(tenant.id, viewer.id),
  };
}

const status = (promise: Promise<unknown>) => promise.then(() => 200, (error) => error.status as number);

describe('member management', () => {
  it('lists and searches members of this workspace only', async () => {
    const w = await workspace();
    await createMember((await createTenant()).id, 'owner');
    expect(await listMembers(w.tenant)).toHaveLength(4);
    expect((await listMembers(w.tenant, { q: w.viewer.email.slice(0, 8).toUpperCase() })).map((m) => m.email)).toEqual([w.viewer.email]);
    expect((await listMembers(w.tenant, { role: 'admin' })).map((m) => m.email)).toEqual([w.admin.email]);
  });

  it('lets admins change roles below owner, with an event and an audit entry', async () => {
    const w = await workspace();
    const row = await changeRole(w.tenant, w.admin, w.viewer.membershipId, 'member', '192.0.2.1');
    expect(row.role).toBe('member');
    const event = await db.domainEvent.findFirstOrThrow({ where: { tenantId: w.tenant.id, type: 'user.updated' } });
    expect(event.payload).toMatchObject({ userId: w.viewer.userId, changes: { role: { from: 'viewer', to: 'member' } } });
    expect(event.id).toMatch(/^evt_/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: w.tenant.id, action: 'member.role_changed' } });
    expect(audit).toMatchObject({ actorId: w.admin.userId, ip: '192.0.2.1', targetId: w.viewer.userId });
  });

  it('lets only an owner grant or take the owner role', async () => {
    const w = await workspace();
    expect(await status(changeRole(w.tenant, w.admin, w.member.membershipId, 'owner'))).toBe(403);
    expect(await status(changeRole(w.tenant, w.admin, w.owner.membershipId, 'admin'))).toBe(403);
    expect(await status(changeRole(w.tenant, w.owner, w.member.membershipId, 'owner'))).toBe(200);
  });

  it('refuses changing your own role, and members or viewers managing anyone', async () => {
    const w = await workspace();
    expect(await status(changeRole(w.tenant, w.admin, w.admin.membershipId, 'member'))).toBe(403);
    expect(await status(changeRole(w.tenant, w.owner, w.owner.membershipId, 'admin'))).toBe(403);
    expect(await status(changeRole(w.tenant, w.member, w.viewer.membershipId, 'member'))).toBe(403);
    expect(await status(removeMember(w.tenant, w.viewer, w.member.membershipId))).toBe(403);
  });

  it('keeps at least one owner: the last owner cannot be demoted, removed or leave', async () => {
    const w = await workspace();
    const second = await memberOf(w.tenant.id, (await createMember(w.tenant.id, 'owner')).id);
    expect(await status(changeRole(w.tenant, second, w.owner.membershipId, 'admin'))).toBe(200);
    const owner = await memberOf(w.tenant.id, w.owner.userId);
    expect(await status(leaveWorkspace(w.tenant, second))).toBe(409);
    expect(await status(removeMember(w.tenant, second, owner.membershipId))).toBe(200);
    expect(await db.membership.count({ where: { tenantId: w.tenant.id, role: 'owner' } })).toBe(1);
  });

  it('two owners demoting each other at once leave one owner', async () => {
    const w = await workspace();
    const second = await memberOf(w.tenant.id, (await createMember(w.tenant.id, 'owner')).id);
    const results = await Promise.all([status(changeRole(w.tenant, w.owner, second.membershipId, 'admin')), status(changeRole(w.tenant, second, w.owner.membershipId, 'admin'))]);
    expect(results.sort()).toEqual([200, 409]);
    expect(await db.membership.count({ where: { tenantId: w.tenant.id, role: 'owner' } })).toBe(1);
  });

  it('removes a member with their team seats, emitting user.deleted', async () => {
    const w = await workspace();
    const team = await db.team.create({ data: { tenantId: w.tenant.id, name: 'Ops' } });
    await db.teamMember.create({ data: { tenantId: w.tenant.id, teamId: team.id, userId: w.member.userId } });
    await removeMember(w.tenant, w.admin, w.member.membershipId);
    expect(await db.membership.count({ where: { id: w.member.membershipId } })).toBe(0);
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(0);
    const types = (await db.domainEvent.findMany({ where: { tenantId: w.tenant.id }, orderBy: { occurredAt: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['team.member_removed', 'user.deleted']));
    expect(await db.user.count({ where: { id: w.member.userId } })).toBe(1); // the account itself stays
  });

  it('transfers ownership: the new owner is owner, the old one an admin', async () => {
    const w = await workspace();
    await transferOwnership(w.tenant, w.owner, w.member.membershipId);
    expect((await memberOf(w.tenant.id, w.member.userId)).role).toBe('owner');
    expect((await memberOf(w.tenant.id, w.owner.userId)).role).toBe('admin');
    expect(await status(transferOwnership(w.tenant, w.admin, w.viewer.membershipId))).toBe(403);
  });

  it("cannot touch another workspace's members by id", async () => {
    const w = await workspace();
    const other = await workspace();
    expect(await status(changeRole(w.tenant, w.owner, other.member.membershipId, 'viewer'))).toBe(404);
    expect(await status(removeMember(w.tenant, w.owner, other.member.membershipId))).toBe(404);
    expect(await status(transferOwnership(w.tenant, w.owner, other.member.membershipId))).toBe(404);
    expect((await memberOf(other.tenant.id, other.member.userId)).role).toBe('member');
  });
});
