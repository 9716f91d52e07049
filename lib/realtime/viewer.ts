import type { Role } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { AudienceViewer } from './audience.ts';

/** A member as an audience viewer: their teams and their teammates, read now. */
export async function loadAudienceViewer(tenantId: string, member: { userId: string; role: Role }): Promise<AudienceViewer> {
  const scoped = tenantDb(tenantId);
  const teams = await scoped.teamMember.findMany({ where: { userId: member.userId }, select: { teamId: true } });
  const teamIds = new Set(teams.map((t) => t.teamId));
  const mates = teamIds.size ? await scoped.teamMember.findMany({ where: { teamId: { in: [...teamIds] } }, select: { userId: true }, distinct: ['userId'] }) : [];
  return { userId: member.userId, role: member.role, teamIds, teammateIds: new Set([member.userId, ...mates.map((m) => m.userId)]) };
}
