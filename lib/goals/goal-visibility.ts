import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/generated/client.ts';

/**
 * Which goals a member sees in lists: their personal goals and their teams' goals. A relation
 * filter, so the database answers it inside the goals query (no separate teams lookup). An
 * installed marketplace app is a workspace-wide principal: it sees every team's goals (as an
 * admin may open any of them), while personal goals stay their owner's.
 */
export function visibleGoalsWhere(member: Member, scope: 'all' | 'personal' | 'team' = 'all'): Prisma.GoalWhereInput {
  const personal: Prisma.GoalWhereInput = { teamId: null, ownerId: member.userId };
  const team: Prisma.GoalWhereInput = member.appInstallationId ? { teamId: { not: null } } : { team: { members: { some: { userId: member.userId } } } };
  return scope === 'personal' ? personal : scope === 'team' ? team : { OR: [personal, team] };
}
