import { endBrowserSessionsInTenant } from '../auth/end-sessions.ts';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Role } from '../db/generated/enums.ts';
import { tenantDb, type TenantTx as Tx } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { MemberRow } from './member-schema.ts';
import { assertCan, can } from './permissions.ts';

// Membership rules, in one place:
// - only owners grant, take or touch the owner role; admins manage admins, members, viewers;
// - nobody changes their own role or removes themselves (they leave instead);
// - a workspace always keeps at least one owner.

function actorOf(member: Member) {
  return { id: member.userId, email: member.email };
}

export async function listMembers(tenant: TenantContext, query: { q?: string; role?: Role } = {}): Promise<MemberRow[]> {
  const q = query.q?.trim();
  const rows = await tenantDb(tenant.id).membership.findMany({
    where: {
      ...(query.role ? { role: query.role } : {}),
      ...(q ? { user: { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] } } : {}),
    },
    orderBy: [{ createdAt: 'asc' }],
    take: 500,
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return rows.map((row) => ({ membershipId: row.id, userId: row.user.id, email: row.user.email, name: row.user.name, role: row.role, joinedAt: row.createdAt.toISOString() }));
}

/** Locks the tenant's owner rows so two concurrent demotions cannot both leave zero owners. */
export async function ownerCount(tx: Tx, tenantId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Membership" WHERE "tenantId" = ${tenantId} AND role = 'owner' FOR UPDATE`;
  return rows.length;
}

async function loadTarget(tx: Tx, membershipId: string) {
  const target = await tx.membership.findUnique({ where: { id: membershipId }, select: { id: true, role: true, userId: true, user: { select: { email: true, name: true } } } });
  if (!target) throw notFound('No such member in this workspace.');
  return target;
}

export async function changeRole(tenant: TenantContext, actor: Member, membershipId: string, role: Role, ip: string | null = null): Promise<MemberRow> {
  assertCan(actor.role, 'members.manage');
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const target = await loadTarget(tx, membershipId);
    if (target.userId === actor.userId) throw forbidden('You cannot change your own role. Ask another admin or owner.');
    if ((role === 'owner' || target.role === 'owner') && !can(actor.role, 'owners.manage')) {
      throw forbidden('Only an owner can grant or take away the owner role.');
    }
    if (target.role === role) return toRow(tx, target.id);
    if (target.role === 'owner' && (await ownerCount(tx, tenant.id)) <= 1) throw conflict('A workspace needs at least one owner.');
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await emitEvent(tx, tenant.id, 'user.updated', { userId: target.userId, email: target.user.email, changes: { role: { from: target.role, to: role } } }, actor.userId);
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'member.role_changed', target: { type: 'user', id: target.userId }, ip, metadata: { email: target.user.email, from: target.role, to: role } });
    return toRow(tx, target.id);
  });
}

export async function removeMember(tenant: TenantContext, actor: Member, membershipId: string, ip: string | null = null): Promise<void> {
  assertCan(actor.role, 'members.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const target = await loadTarget(tx, membershipId);
    if (target.userId === actor.userId) throw badRequest('To remove yourself, leave the workspace instead.');
    if (target.role === 'owner' && !can(actor.role, 'owners.manage')) throw forbidden('Only an owner can remove an owner.');
    if (target.role === 'owner' && (await ownerCount(tx, tenant.id)) <= 1) throw conflict('A workspace needs at least one owner.');
    await deleteMembership(tx, tenant.id, target);
    await endBrowserSessionsInTenant(tx, target.userId, 'removed_from_workspace');
    await emitEvent(tx, tenant.id, 'user.deleted', { userId: target.userId, email: target.user.email }, actor.userId);
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'member.removed', target: { type: 'user', id: target.userId }, ip, metadata: { email: target.user.email, role: target.role } });
  });
}

export async function leaveWorkspace(tenant: TenantContext, member: Member, ip: string | null = null): Promise<void> {
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const target = await loadTarget(tx, member.membershipId);
    if (target.role === 'owner' && (await ownerCount(tx, tenant.id)) <= 1) {
      throw conflict('You are the last owner. Transfer ownership or delete the workspace before leaving.');
    }
    await deleteMembership(tx, tenant.id, target);
    await endBrowserSessionsInTenant(tx, target.userId, 'removed_from_workspace');
    await emitEvent(tx, tenant.id, 'user.deleted', { userId: target.userId, email: target.user.email }, member.userId);
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'member.left', target: { type: 'user', id: target.userId }, ip });
  });
}

/**
 * "Sign out everywhere" for a member: every browser session they have on this workspace ends
 * (their sessions elsewhere are not this workspace's to end). Same rules as removing them.
 */
export async function signOutMember(tenant: TenantContext, actor: Member, membershipId: string, ip: string | null = null): Promise<{ ended: number }> {
  assertCan(actor.role, 'members.manage');
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const target = await loadTarget(tx, membershipId);
    if (target.userId === actor.userId) throw badRequest('To end your own sessions, use your account page.');
    if (target.role === 'owner' && !can(actor.role, 'owners.manage')) throw forbidden('Only an owner can sign out an owner.');
    const ended = await endBrowserSessionsInTenant(tx, target.userId, 'ended_by_admin');
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'member.signed_out', target: { type: 'user', id: target.userId }, ip, metadata: { email: target.user.email, sessions: ended } });
    return { ended };
  });
}

/** The new owner gets the owner role; the current owner stays on as an admin. */
export async function transferOwnership(tenant: TenantContext, actor: Member, membershipId: string, ip: string | null = null): Promise<void> {
  assertCan(actor.role, 'owners.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const target = await loadTarget(tx, membershipId);
    if (target.userId === actor.userId) throw badRequest('Choose another member to become the owner.');
    await ownerCount(tx, tenant.id);
    await tx.membership.update({ where: { id: target.id }, data: { role: 'owner' } });
    await tx.membership.update({ where: { id: actor.membershipId }, data: { role: 'admin' } });
    await emitEvent(tx, tenant.id, 'user.updated', { userId: target.userId, email: target.user.email, changes: { role: { from: target.role, to: 'owner' } } }, actor.userId);
    await emitEvent(tx, tenant.id, 'user.updated', { userId: actor.userId, email: actor.email, changes: { role: { from: 'owner', to: 'admin' } } }, actor.userId);
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(actor), action: 'tenant.ownership_transferred', target: { type: 'user', id: target.userId }, ip, metadata: { to: target.user.email } });
  });
}

/** A member leaves their teams and team-goal assignments with the workspace (also used by SCIM deprovisioning). */
export async function deleteMembership(tx: Tx, tenantId: string, target: { id: string; userId: string }): Promise<void> {
  const teams = await tx.teamMember.findMany({ where: { userId: target.userId }, select: { teamId: true } });
  await tx.teamMember.deleteMany({ where: { userId: target.userId } });
  for (const { teamId } of teams) await emitEvent(tx, tenantId, 'team.member_removed', { teamId, userId: target.userId });
  await tx.goalAssignee.deleteMany({ where: { userId: target.userId } });
  await tx.teamJoinRequest.deleteMany({ where: { userId: target.userId, status: 'pending' } });
  await tx.membership.delete({ where: { id: target.id } });
}

async function toRow(tx: Tx, membershipId: string): Promise<MemberRow> {
  const row = await tx.membership.findUniqueOrThrow({ where: { id: membershipId }, select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } });
  return { membershipId: row.id, userId: row.user.id, email: row.user.email, name: row.user.name, role: row.role, joinedAt: row.createdAt.toISOString() };
}
