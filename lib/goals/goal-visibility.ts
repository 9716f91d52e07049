import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { TenantDb } from '../db/tenant-db.ts';

/**
 * Which goals a member sees in lists: their personal goals and their teams' goals. An
 * installed marketplace app is a workspace-wide principal: it sees every team's goals (as an
 * admin may open any of them), while personal goals stay their owner's. With `teamIds` (the
 * member's teams, memberTeamIds()) the team branch is a list the database can look up in the
 * goals' team index beside the owner index; without, it is a relation filter, which PostgreSQL
 * can only test goal by goal: fine for a few goals, a scan of the workspace's goals in a list
 * (`npm run bench:scale`).
 */
export function visibleGoalsWhere(member: Member, scope: 'all' | 'personal' | 'team' = 'all', teamIds?: string[]): Prisma.GoalWhereInput {
  const personal: Prisma.GoalWhereInput = { teamId: null, ownerId: member.userId };
  const team: Prisma.GoalWhereInput = member.appInstallationId ? { teamId: { not: null } } : teamIds ? { teamId: { in: teamIds } } : { team: { members: { some: { userId: member.userId } } } };
  return scope === 'personal' ? personal : scope === 'team' ? team : { OR: [personal, team] };
}

/** The ids of the member's teams, for visibleGoalsWhere. */
export async function memberTeamIds(scoped: TenantDb, member: Member): Promise<string[]> {
  const rows = await scoped.teamMember.findMany({ where: { userId: member.userId }, select: { teamId: true } });
  return rows.map((row) => row.teamId);
}
