import type { Member } from '../auth/session.ts';
import type { TeamRole } from '../db/generated/enums.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { TenantTx } from './team-access.ts';

// The writes every way in or out of a team shares (join, add, approve; leave, remove,
// delete). Callers hold the team lock (lockTeam) and decide about audit entries: only
// changes made by someone else than the person concerned are audited.

export function actorOf(member: Member) {
  return { id: member.userId, email: member.email };
}

/** actor null: a directory sync (SCIM) made the change. */
export async function insertTeamMember(tx: TenantTx, tenant: TenantContext, actor: Member | null, teamId: string, userId: string, role: TeamRole): Promise<void> {
  await tx.teamMember.create({ data: { tenantId: tenant.id, teamId, userId, role } });
  // Being added answers any request the person still had open.
  await tx.teamJoinRequest.updateMany({
    where: { teamId, userId, status: 'pending' },
    data: { status: 'approved', decidedById: actor?.userId ?? null, decidedAt: new Date() },
  });
  await emitEvent(tx, tenant.id, 'team.member_added', { teamId, userId, role }, actor?.userId ?? null);
}

export async function deleteTeamMember(tx: TenantTx, tenant: TenantContext, actor: Member | null, teamId: string, userId: string): Promise<void> {
  // Assignees of team goals are team members: leaving the team ends the assignments too.
  await tx.goalAssignee.deleteMany({ where: { userId, goal: { teamId } } });
  await tx.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
  await emitEvent(tx, tenant.id, 'team.member_removed', { teamId, userId }, actor?.userId ?? null);
}

/**
 * Refuses to take away a team's last lead while other members remain (on leave, removal or
 * demotion), so a team with people in it is never left without someone to run it.
 */
export async function assertLeadRemains(tx: TenantTx, teamId: string, currentRole: TeamRole, message: string): Promise<void> {
  if (currentRole !== 'lead') return;
  const leads = await tx.teamMember.count({ where: { teamId, role: 'lead' } });
  const members = await tx.teamMember.count({ where: { teamId } });
  if (leads <= 1 && members > 1) throw conflict(message);
}

/** A member of this workspace with their role, or null. */
export function findWorkspaceMember(tx: TenantTx, tenant: TenantContext, userId: string) {
  return tx.membership.findUnique({
    where: { tenantId_userId: { tenantId: tenant.id, userId } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
}
