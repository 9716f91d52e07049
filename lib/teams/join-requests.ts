import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { term } from '../branding/terminology.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { notifyJoinRequest } from '../notifications/membership-events.ts';
import { conflict, forbidden, notFound, parseInput } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { loadTeamForViewer, lockTeam, type TenantTx } from './team-access.ts';
import { actorOf, insertTeamMember } from './team-member-writes.ts';
import { decideJoinRequestSchema, type JoinRequestView, type TeamDetail } from './team-schema.ts';
import { readTeamDetail } from './team-view.ts';

// Requests to join teams that require approval: made by joinTeam(), decided by the team's
// leads or a workspace admin, withdrawn by the person who asked. At most one pending request
// per person and team; the team lock (held by every caller) keeps it so under concurrency.

export async function createJoinRequest(tx: TenantTx, tenant: TenantContext, member: Member, teamId: string): Promise<string> {
  const request = await tx.teamJoinRequest.create({ data: { tenantId: tenant.id, teamId, userId: member.userId }, select: { id: true } });
  await notifyJoinRequest(tx, tenant.id, { id: request.id, teamId, userId: member.userId });
  return request.id;
}

export async function listJoinRequests(tenant: TenantContext, member: Member, teamId: string): Promise<JoinRequestView[]> {
  const detail = await readTeamDetail(tenantDb(tenant.id), tenant, member, teamId);
  if (!detail.access.canManageMembers) throw forbidden(`Only leads and admins see requests to join this ${term(tenant.branding.terminology, 'team')}.`);
  return detail.pendingRequests;
}

export async function decideJoinRequest(
  tenant: TenantContext,
  actor: Member,
  teamId: string,
  requestId: string,
  input: unknown,
  ip: string | null = null,
): Promise<TeamDetail> {
  const teamWord = term(tenant.branding.terminology, 'team');
  assertCan(actor.role, 'teams.join');
  const { status } = parseInput(decideJoinRequestSchema, input);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const { team, access } = await loadTeamForViewer(tx, tenant, actor, teamId);
    if (!access.canManageMembers) throw forbidden(`Only leads and admins decide requests to join this ${teamWord}.`);
    const request = await tx.teamJoinRequest.findFirst({
      where: { id: requestId, teamId },
      select: { id: true, userId: true, status: true, user: { select: { email: true } } },
    });
    if (!request) throw notFound('No such request to join.');
    if (request.status !== 'pending') throw conflict(`This request was already ${request.status}.`);
    await tx.teamJoinRequest.update({ where: { id: request.id }, data: { status, decidedById: actor.userId, decidedAt: new Date() } });
    if (status === 'approved') {
      const already = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: request.userId } }, select: { id: true } });
      if (!already) await insertTeamMember(tx, tenant, actor, teamId, request.userId, 'member');
    }
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: actorOf(actor),
      action: status === 'approved' ? 'team.join_request_approved' : 'team.join_request_rejected',
      target: { type: 'team', id: teamId },
      ip,
      metadata: { team: team.name, requestId: request.id, userId: request.userId, email: request.user.email },
    });
    return readTeamDetail(tx, tenant, actor, teamId);
  });
}

/** The person who asked withdraws their pending request. */
export async function cancelJoinRequest(tenant: TenantContext, member: Member, teamId: string, requestId: string): Promise<void> {
  await tenantDb(tenant.id).$transaction(async (tx) => {
    await lockTeam(tx, tenant, teamId);
    const deleted = await tx.teamJoinRequest.deleteMany({ where: { id: requestId, teamId, userId: member.userId, status: 'pending' } });
    if (deleted.count === 0) throw notFound('No such pending request to join.');
  });
}
