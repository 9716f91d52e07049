import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { TenantDb } from '../db/tenant-db.ts';

/** Which goals a member sees in lists: their personal goals and their teams' goals. */
export async function visibleGoalsWhere(scoped: TenantDb, member: Member, scope: 'all' | 'personal' | 'team' = 'all'): Promise<Prisma.GoalWhereInput> {
  const personal: Prisma.GoalWhereInput = { teamId: null, ownerId: member.userId };
  if (scope === 'personal') return personal;
  const teams = await scoped.teamMember.findMany({ where: { userId: member.userId }, select: { teamId: true } });
  const team: Prisma.GoalWhereInput = { teamId: { in: teams.map((t) => t.teamId) } };
  return scope === 'team' ? team : { OR: [personal, team] };
}
