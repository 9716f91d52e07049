import type { Member } from '../auth/session.ts';
import type { Role } from '../db/generated/enums.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { loadTeamForViewer } from './team-access.ts';

// People the team forms offer to pick from.

export interface Candidate {
  userId: string;
  name: string;
}

/**
 * The workspace's members, for the viewer to pick whom to add to the team (empty unless they
 * may add members). Current members are included: the page leaves them out as the team changes.
 */
export async function addCandidates(tenant: TenantContext, member: Member, teamId: string): Promise<(Candidate & { email: string; role: Role })[]> {
  const scoped = tenantDb(tenant.id);
  const { access } = await loadTeamForViewer(scoped, tenant, member, teamId);
  if (!access.canAddMembers) return [];
  const rows = await scoped.membership.findMany({
    orderBy: { createdAt: 'asc' },
    take: 1000,
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => ({ userId: row.user.id, name: row.user.name ?? row.user.email, email: row.user.email, role: row.role }));
}

/** Who may be picked as a new team's lead: members of the workspace other than viewers. */
export async function leadCandidates(tenant: TenantContext): Promise<Candidate[]> {
  const rows = await tenantDb(tenant.id).membership.findMany({
    where: { role: { not: 'viewer' } },
    orderBy: { createdAt: 'asc' },
    take: 1000,
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => ({ userId: row.user.id, name: row.user.name ?? row.user.email }));
}
