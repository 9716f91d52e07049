import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import type { AssigneeRole, GoalStatus, Role, TeamRole } from '../db/generated/enums.ts';
import { conflict, forbidden, notFound } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import type { TenantTx } from '../teams/team-access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { GoalAccess } from './goal-schema.ts';

// Who may see and change one goal.
// - Personal goals (teamId null) are private to their owner: everyone else, workspace admins
//   included, gets 404, exactly as for a goal that does not exist.
// - Team goals are visible to the team's members and to workspace admins (others: 404);
//   editable by the team's leads, the goal's lead assignees and admins; progress is logged
//   by the goal's assignees and the team's leads.
// Viewers never write, whatever their place in a team.

export interface GoalViewer {
  userId: string;
  role: Role;
  teamRole: TeamRole | null;
  assigneeRole: AssigneeRole | null;
}

/** The viewer's rights on a goal, or null when the goal is hidden from them. */
export function resolveGoalAccess(goal: { ownerId: string; teamId: string | null }, viewer: GoalViewer): GoalAccess | null {
  const writer = can(viewer.role, 'goals.write');
  if (goal.teamId === null) {
    if (goal.ownerId !== viewer.userId) return null;
    return { canEdit: writer, canLogProgress: writer };
  }
  const isAdmin = can(viewer.role, 'teams.manage');
  if (viewer.teamRole === null && !isAdmin) return null;
  const isTeamLead = viewer.teamRole === 'lead';
  return {
    canEdit: writer && (isAdmin || isTeamLead || viewer.assigneeRole === 'lead'),
    canLogProgress: writer && (isTeamLead || viewer.assigneeRole !== null),
  };
}

export function goalNotFound(tenant: TenantContext) {
  return notFound(`No such ${term(tenant.branding.terminology, 'goal')}.`);
}

export interface LoadedGoal {
  goal: { id: string; ownerId: string; teamId: string | null; title: string; status: GoalStatus; progress: number; completedAt: Date | null };
  access: GoalAccess;
}

/** The goal and the viewer's rights on it; 404 when it is missing or hidden from them. */
export async function loadGoalForViewer(tx: TenantTx, tenant: TenantContext, member: Member, goalId: string): Promise<LoadedGoal> {
  const goal = await tx.goal.findUnique({
    where: { id: goalId },
    select: { id: true, ownerId: true, teamId: true, title: true, status: true, progress: true, completedAt: true },
  });
  if (!goal) throw goalNotFound(tenant);
  const teamMember = goal.teamId
    ? await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: goal.teamId, userId: member.userId } }, select: { role: true } })
    : null;
  const assignee = goal.teamId ? await tx.goalAssignee.findUnique({ where: { goalId_userId: { goalId, userId: member.userId } }, select: { role: true } }) : null;
  const access = resolveGoalAccess(goal, { userId: member.userId, role: member.role, teamRole: teamMember?.role ?? null, assigneeRole: assignee?.role ?? null });
  if (!access) throw goalNotFound(tenant);
  return { goal, access };
}

/**
 * Locks the goal row until the transaction ends. Every change to a goal takes this lock
 * before reading it, so read-modify-write sequences (progress deltas above all) never
 * interleave and no update is lost.
 */
export async function lockGoal(tx: TenantTx, tenant: TenantContext, goalId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Goal" WHERE id = ${goalId} AND "tenantId" = ${tenant.id} FOR UPDATE`;
  if (rows.length === 0) throw goalNotFound(tenant);
}

export function assertCanEdit(tenant: TenantContext, { access }: LoadedGoal): void {
  if (!access.canEdit) throw forbidden(`Only the ${term(tenant.branding.terminology, 'team')}'s leads, this ${term(tenant.branding.terminology, 'goal')}'s lead assignees and admins can change it.`);
}

/** Archived goals are read-only until unarchived. */
export function assertNotArchived(tenant: TenantContext, { goal }: LoadedGoal): void {
  if (goal.status === 'archived') throw conflict(`This ${term(tenant.branding.terminology, 'goal')} is archived. Unarchive it to change it.`);
}
