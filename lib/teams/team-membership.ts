import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { term } from '../branding/terminology.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { conflict, forbidden, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { createJoinRequest } from './join-requests.ts';
import { loadTeamForViewer, lockTeam } from './team-access.ts';
import { actorOf, assertLeadRemains, deleteTeamMember, findWorkspaceMember, insertTeamMember } from './team-member-writes.ts';
import { addTeamMemberSchema, changeTeamMemberSchema, type JoinResult, type TeamDetail } from './team-schema.ts';
import { readTeamDetail } from './team-view.ts';

// Joining, leaving, and adding, removing or promoting team members. Every change takes the
// team lock first, then checks, then writes, all in one transaction.

function words(tenant: TenantContext) {
  return { team: term(tenant.branding.terminology, 'team'), teams: term(tenant.branding.terminology, 'teams') };
}

/**
 * Public team without approval: the member joins. With approval required: a pending request
 * is made for a lead or admin to decide. Private teams are joined only by being added.
 */
export async function joinTeam(tenant: TenantContext, member: Member, teamId: string): Promise<JoinResult> {
  const { team: teamWord, teams } = words(tenant);
  assertCan(member.role, 'teams.join', `Viewers cannot join ${teams}.`);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const { team, teamRole, pendingRequestId, access } = await loadTeamForViewer(tx, tenant, member, teamId);
    if (teamRole) throw conflict(`You are already a member of this ${teamWord}.`);
    if (pendingRequestId) throw conflict(`You already asked to join this ${teamWord}. A lead will decide.`);
    if (team.visibility === 'private') throw forbidden(`This ${teamWord} is private: a lead or an admin adds its members.`);
    if (access.joinAction === 'request') {
      await createJoinRequest(tx, tenant, member, teamId);
      return { status: 'requested' as const, team: await readTeamDetail(tx, tenant, member, teamId) };
    }
    await insertTeamMember(tx, tenant, member, teamId, member.userId, 'member');
    return { status: 'joined' as const, team: await readTeamDetail(tx, tenant, member, teamId) };
  });
}

export async function leaveTeam(tenant: TenantContext, member: Member, teamId: string): Promise<void> {
  const { team: teamWord } = words(tenant);
  assertCan(member.role, 'teams.join');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const { teamRole } = await loadTeamForViewer(tx, tenant, member, teamId);
    if (!teamRole) throw conflict(`You are not a member of this ${teamWord}.`);
    await assertLeadRemains(tx, teamId, teamRole, `You are the last lead of this ${teamWord}. Make another member a lead before you leave.`);
    await deleteTeamMember(tx, tenant, member, teamId, member.userId);
  });
}

/** Leads and admins add anyone, as lead or member; members too (as members) when memberCanInvite. */
export async function addTeamMember(tenant: TenantContext, actor: Member, teamId: string, input: unknown, ip: string | null = null): Promise<TeamDetail> {
  const { team: teamWord } = words(tenant);
  assertCan(actor.role, 'teams.join');
  const data = parseInput(addTeamMemberSchema, input);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const { team, access } = await loadTeamForViewer(tx, tenant, actor, teamId);
    if (!access.canAddMembers) throw forbidden(`Only leads and admins can add members to this ${teamWord}.`);
    if (data.role === 'lead' && !access.canManageMembers) throw forbidden(`Only leads and admins can add a lead.`);
    const target = await findWorkspaceMember(tx, tenant, data.userId);
    if (!target) throw validationFailed({ userId: 'Choose a member of this workspace.' });
    if (data.role === 'lead' && target.role === 'viewer') throw validationFailed({ role: 'Viewers can be team members but not leads.' });
    const existing = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: data.userId } }, select: { id: true } });
    if (existing) throw conflict(`${target.user.name ?? target.user.email} is already a member of this ${teamWord}.`, { userId: 'Already a member.' });
    await insertTeamMember(tx, tenant, actor, teamId, data.userId, data.role);
    if (data.userId !== actor.userId) {
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: actorOf(actor),
        action: 'team.member_added',
        target: { type: 'team', id: teamId },
        ip,
        metadata: { team: team.name, userId: data.userId, email: target.user.email, role: data.role },
      });
    }
    return readTeamDetail(tx, tenant, actor, teamId);
  });
}

export async function changeTeamMemberRole(tenant: TenantContext, actor: Member, teamId: string, userId: string, input: unknown, ip: string | null = null): Promise<TeamDetail> {
  const { team: teamWord } = words(tenant);
  assertCan(actor.role, 'teams.join');
  const data = parseInput(changeTeamMemberSchema, input);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const { team, access } = await loadTeamForViewer(tx, tenant, actor, teamId);
    if (!access.canManageMembers) throw forbidden(`Only leads and admins can change roles in this ${teamWord}.`);
    const current = await tx.teamMember.findUnique({
      where: { teamId_userId: { teamId, userId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!current) throw notFound(`No such member in this ${teamWord}.`);
    if (current.role !== data.role) {
      if (data.role === 'lead' && (await findWorkspaceMember(tx, tenant, userId))?.role === 'viewer') {
        throw validationFailed({ role: 'Viewers can be team members but not leads.' });
      }
      await assertLeadRemains(tx, teamId, current.role, `A ${teamWord} with members needs a lead: make another member a lead first.`);
      await tx.teamMember.update({ where: { teamId_userId: { teamId, userId } }, data: { role: data.role } });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: actorOf(actor),
        action: 'team.member_role_changed',
        target: { type: 'team', id: teamId },
        ip,
        metadata: { team: team.name, userId, email: current.user.email, from: current.role, to: data.role },
      });
    }
    return readTeamDetail(tx, tenant, actor, teamId);
  });
}

/** Removing oneself is leaving; removing others is for leads and admins. */
export async function removeTeamMember(tenant: TenantContext, actor: Member, teamId: string, userId: string, ip: string | null = null): Promise<void> {
  if (userId === actor.userId) return leaveTeam(tenant, actor, teamId);
  const { team: teamWord } = words(tenant);
  assertCan(actor.role, 'teams.join');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const { team, access } = await loadTeamForViewer(tx, tenant, actor, teamId);
    if (!access.canManageMembers) throw forbidden(`Only leads and admins can remove members from this ${teamWord}.`);
    const current = await tx.teamMember.findUnique({
      where: { teamId_userId: { teamId, userId } },
      select: { role: true, user: { select: { name: true, email: true } } },
    });
    if (!current) throw notFound(`No such member in this ${teamWord}.`);
    const name = current.user.name ?? current.user.email;
    await assertLeadRemains(tx, teamId, current.role, `${name} is the last lead of this ${teamWord}. Make another member a lead first.`);
    await deleteTeamMember(tx, tenant, actor, teamId, userId);
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: actorOf(actor),
      action: 'team.member_removed',
      target: { type: 'team', id: teamId },
      ip,
      metadata: { team: team.name, userId, email: current.user.email, role: current.role },
    });
  });
}
