import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { loadTeamForViewer, resolveTeamAccess, type TenantTx } from './team-access.ts';
import type { TeamDetail, TeamSummary } from './team-schema.ts';

// Database rows → the response shapes in team-schema.ts.

/** What a list row needs, with the viewer's own membership and pending request. */
export function teamSummarySelect(tenantId: string, userId: string) {
  return {
    id: true,
    name: true,
    description: true,
    visibility: true,
    joinApprovalRequired: true,
    memberCanInvite: true,
    // Filtered by the tenant, or Prisma counts every workspace's team members before joining
    // (a scan of the whole TeamMember table on every goals and teams page; npm run bench:scale).
    _count: { select: { members: { where: { tenantId } } } },
    members: { where: { userId }, select: { role: true } },
    joinRequests: { where: { userId, status: 'pending' }, select: { id: true } },
  } satisfies Prisma.TeamSelect;
}

type SummaryRow = Prisma.TeamGetPayload<{ select: ReturnType<typeof teamSummarySelect> }>;

/** null when the team is hidden from the viewer. */
export function toTeamSummary(row: SummaryRow, member: Member): TeamSummary | null {
  const myRole = row.members[0]?.role ?? null;
  const myPendingRequestId = row.joinRequests[0]?.id ?? null;
  const access = resolveTeamAccess(row, { role: member.role, teamRole: myRole, hasPendingRequest: myPendingRequestId !== null });
  if (!access) return null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    joinApprovalRequired: row.joinApprovalRequired,
    memberCanInvite: row.memberCanInvite,
    memberCount: row._count.members,
    myRole,
    myPendingRequestId,
    access,
  };
}

/** The team as the viewer may see it: members always, pending requests only for managers. */
export async function readTeamDetail(tx: TenantTx, tenant: TenantContext, member: Member, teamId: string): Promise<TeamDetail> {
  const { team, teamRole, pendingRequestId, access } = await loadTeamForViewer(tx, tenant, member, teamId);
  const members = await tx.teamMember.findMany({
    where: { teamId },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    select: { userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  const requests = access.canManageMembers
    ? await tx.teamJoinRequest.findMany({
        where: { teamId, status: 'pending' },
        orderBy: { createdAt: 'asc' },
        select: { id: true, userId: true, createdAt: true, user: { select: { name: true, email: true } } },
      })
    : [];
  return {
    ...team,
    memberCount: members.length,
    myRole: teamRole,
    myPendingRequestId: pendingRequestId,
    access,
    members: members.map((m) => ({ userId: m.userId, name: m.user.name ?? m.user.email, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() })),
    pendingRequests: requests.map((r) => ({ id: r.id, userId: r.userId, name: r.user.name ?? r.user.email, email: r.user.email, createdAt: r.createdAt.toISOString() })),
  };
}
