import type { Member } from '../auth/session.ts';
import { term } from '../branding/terminology.ts';
import type { Role, TeamRole } from '../db/generated/enums.ts';
import type { TenantTx } from '../db/tenant-db.ts';
import { notFound } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { TeamAccess } from './team-schema.ts';

// Who may see and do what with one team. Private teams are invisible (404, not 403) to
// everyone but their members and workspace admins, so their existence never leaks.

/** An interactive transaction on tenantDb(); tenantDb() itself fits wherever this is asked. */
export type { TenantTx } from '../db/tenant-db.ts';

export interface TeamFlags {
  visibility: 'public' | 'private';
  joinApprovalRequired: boolean;
}

export interface TeamViewer {
  role: Role;
  teamRole: TeamRole | null;
  hasPendingRequest: boolean;
}

/** The viewer's rights on a team, or null when the team is hidden from them. */
export function resolveTeamAccess(team: TeamFlags & { memberCanInvite: boolean }, viewer: TeamViewer): TeamAccess | null {
  const isAdmin = can(viewer.role, 'teams.manage');
  const isMember = viewer.teamRole !== null;
  if (team.visibility === 'private' && !isMember && !isAdmin) return null;
  // Viewers are read-only everywhere: a viewer who is a team lead still manages nothing.
  const mayJoin = can(viewer.role, 'teams.join');
  const canManageMembers = isAdmin || (viewer.teamRole === 'lead' && mayJoin);
  return {
    canEdit: isAdmin,
    canManageMembers,
    canAddMembers: canManageMembers || (isMember && team.memberCanInvite && mayJoin),
    joinAction: joinActionFor(team, { isAdmin, isMember, mayJoin, hasPendingRequest: viewer.hasPendingRequest }),
    canLeave: isMember && mayJoin,
    canSeeGoals: isMember || isAdmin,
  };
}

function joinActionFor(team: TeamFlags, viewer: { isAdmin: boolean; isMember: boolean; mayJoin: boolean; hasPendingRequest: boolean }): TeamAccess['joinAction'] {
  // Private teams are joined only by being added.
  if (viewer.isMember || !viewer.mayJoin || viewer.hasPendingRequest || team.visibility === 'private') return null;
  // Admins would approve their own request, so they join directly.
  return team.joinApprovalRequired && !viewer.isAdmin ? 'request' : 'join';
}

export function teamNotFound(tenant: TenantContext) {
  return notFound(`No such ${term(tenant.branding.terminology, 'team')} in this workspace.`);
}

const teamSelect = {
  id: true,
  name: true,
  description: true,
  visibility: true,
  joinApprovalRequired: true,
  memberCanInvite: true,
} as const;

/** The team, the viewer's place in it and their rights; 404 when missing or hidden from them. */
export async function loadTeamForViewer(tx: TenantTx, tenant: TenantContext, member: Member, teamId: string) {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: teamSelect });
  if (!team) throw teamNotFound(tenant);
  const membership = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: member.userId } }, select: { role: true } });
  const pending = await tx.teamJoinRequest.findFirst({ where: { teamId, userId: member.userId, status: 'pending' }, select: { id: true } });
  const teamRole = membership?.role ?? null;
  const access = resolveTeamAccess(team, { role: member.role, teamRole, hasPendingRequest: pending !== null });
  if (!access) throw teamNotFound(tenant);
  return { team, teamRole, pendingRequestId: pending?.id ?? null, access };
}

/**
 * Locks the team row until the transaction ends. Every change to a team's membership takes
 * this lock first, so the checks it makes (last lead, one pending request per person,
 * already a member) cannot race each other.
 */
export async function lockTeam(tx: TenantTx, tenant: TenantContext, teamId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Team" WHERE id = ${teamId} AND "tenantId" = ${tenant.id} FOR UPDATE`;
  if (rows.length === 0) throw teamNotFound(tenant);
}
