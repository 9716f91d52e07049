import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { term } from '../branding/terminology.ts';
import { Prisma } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan, can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { lockTeam, teamNotFound, type TenantTx } from './team-access.ts';
import { actorOf, findWorkspaceMember, insertTeamMember } from './team-member-writes.ts';
import { createTeamSchema, updateTeamSchema, type TeamDetail, type TeamSummary } from './team-schema.ts';
import { readTeamDetail, teamSummarySelect, toTeamSummary } from './team-view.ts';
import { goalAudience } from '../realtime/audience.ts';

// Teams themselves: list and read for everyone who may see them; create, edit and delete
// for workspace admins ('teams.manage'), each audited in the same transaction.

/** Public teams and the viewer's own; admins see every team. */
export async function listTeams(tenant: TenantContext, member: Member): Promise<TeamSummary[]> {
  const rows = await tenantDb(tenant.id).team.findMany({
    where: can(member.role, 'teams.manage') ? {} : { OR: [{ visibility: 'public' }, { members: { some: { userId: member.userId } } }] },
    orderBy: { name: 'asc' },
    take: 500,
    select: teamSummarySelect(tenant.id, member.userId),
  });
  return rows.map((row) => toTeamSummary(row, member)).filter((team): team is TeamSummary => team !== null);
}

/**
 * The teams whose goals the member sees and adds to (the goals page's team filter): their own
 * teams, and every team for admins, as TeamAccess.canSeeGoals says. Ids and names only: the
 * member counts listTeams computes read every team member of the workspace.
 */
export async function listGoalTeams(tenant: TenantContext, member: Member): Promise<{ id: string; name: string }[]> {
  return tenantDb(tenant.id).team.findMany({
    where: can(member.role, 'teams.manage') ? {} : { members: { some: { userId: member.userId } } },
    orderBy: { name: 'asc' },
    take: 500,
    select: { id: true, name: true },
  });
}

export async function getTeam(tenant: TenantContext, member: Member, teamId: string): Promise<TeamDetail> {
  return readTeamDetail(tenantDb(tenant.id), tenant, member, teamId);
}

function nameTaken(tenant: TenantContext) {
  const message = `Another ${term(tenant.branding.terminology, 'team')} already has this name.`;
  return conflict(message, { name: message });
}

/** Names are unique per workspace regardless of case; the unique index settles races. */
async function assertNameFree(tx: TenantTx, tenant: TenantContext, name: string, exceptId?: string): Promise<void> {
  // lower() = lower(): Prisma's insensitive equals is ILIKE, where "D%" would clash with "Design".
  const clash = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Team" WHERE "tenantId" = ${tenant.id} AND lower(name) = lower(${name}) AND id <> ${exceptId ?? ''} LIMIT 1`;
  if (clash.length > 0) throw nameTaken(tenant);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export async function createTeam(tenant: TenantContext, actor: Member, input: unknown, ip: string | null = null): Promise<TeamDetail> {
  assertCan(actor.role, 'teams.manage');
  const data = parseInput(createTeamSchema, input);
  try {
    return await tenantDb(tenant.id).$transaction(async (tx) => {
      await assertNameFree(tx, tenant, data.name);
      const lead = data.leadUserId ? await findWorkspaceMember(tx, tenant, data.leadUserId) : null;
      if (data.leadUserId && !lead) throw validationFailed({ leadUserId: 'Choose a member of this workspace.' });
      if (lead?.role === 'viewer') throw validationFailed({ leadUserId: 'Viewers can be team members but not leads.' });
      const team = await tx.team.create({
        data: {
          tenantId: tenant.id,
          name: data.name,
          description: data.description ?? null,
          visibility: data.visibility,
          joinApprovalRequired: data.joinApprovalRequired,
          memberCanInvite: data.memberCanInvite,
        },
        select: { id: true, name: true },
      });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: actorOf(actor),
        action: 'team.created',
        target: { type: 'team', id: team.id },
        ip,
        metadata: { name: team.name, visibility: data.visibility, leadUserId: lead?.user.id ?? null },
      });
      if (lead) {
        await insertTeamMember(tx, tenant, actor, team.id, lead.user.id, 'lead');
        if (lead.user.id !== actor.userId) {
          await recordAudit(tx, {
            tenantId: tenant.id,
            actor: actorOf(actor),
            action: 'team.member_added',
            target: { type: 'team', id: team.id },
            ip,
            metadata: { team: team.name, userId: lead.user.id, email: lead.user.email, role: 'lead' },
          });
        }
      }
      return readTeamDetail(tx, tenant, actor, team.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(tenant);
    throw error;
  }
}

export async function updateTeam(tenant: TenantContext, actor: Member, teamId: string, input: unknown, ip: string | null = null): Promise<TeamDetail> {
  assertCan(actor.role, 'teams.manage');
  const data = parseInput(updateTeamSchema, input);
  try {
    return await tenantDb(tenant.id).$transaction(async (tx) => {
      await lockTeam(tx, tenant, teamId);
      const before = await tx.team.findUniqueOrThrow({
        where: { id: teamId },
        select: { name: true, description: true, visibility: true, joinApprovalRequired: true, memberCanInvite: true },
      });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(before) as (keyof typeof before)[]) {
        const next = data[key];
        if (next !== undefined && next !== before[key]) changes[key] = { from: before[key], to: next };
      }
      if (Object.keys(changes).length > 0) {
        if (changes.name) await assertNameFree(tx, tenant, data.name as string, teamId);
        await tx.team.update({
          where: { id: teamId },
          data: {
            name: data.name,
            description: data.description,
            visibility: data.visibility,
            joinApprovalRequired: data.joinApprovalRequired,
            memberCanInvite: data.memberCanInvite,
          },
        });
        await recordAudit(tx, {
          tenantId: tenant.id,
          actor: actorOf(actor),
          action: 'team.updated',
          target: { type: 'team', id: teamId },
          ip,
          metadata: { name: data.name ?? before.name, changes: changes as Prisma.InputJsonObject },
        });
      }
      return readTeamDetail(tx, tenant, actor, teamId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(tenant);
    throw error;
  }
}

/**
 * Deletes the team with its goals (the schema cascades). Consumers of the outbox hear of
 * every membership and goal that goes with it, not only of the team.
 */
export async function deleteTeam(tenant: TenantContext, actor: Member, teamId: string, ip: string | null = null): Promise<void> {
  assertCan(actor.role, 'teams.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
    if (!team) throw teamNotFound(tenant);
    const members = await tx.teamMember.findMany({ where: { teamId }, select: { userId: true } });
    const goals = await tx.goal.findMany({ where: { teamId }, select: { id: true, title: true, teamId: true, ownerId: true } });
    for (const goal of goals) await emitEvent(tx, tenant.id, 'goal.deleted', { goalId: goal.id, title: goal.title }, actor.userId, goalAudience(goal));
    for (const m of members) await emitEvent(tx, tenant.id, 'team.member_removed', { teamId, userId: m.userId }, actor.userId);
    await tx.team.delete({ where: { id: teamId } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: actorOf(actor),
      action: 'team.deleted',
      target: { type: 'team', id: teamId },
      ip,
      metadata: { name: team.name, members: members.length, goals: goals.length },
    });
  });
}
