import { db } from '../db/client.ts';
import { can } from '../members/permissions.ts';
import { createNotifications, displayName, type NotificationWriter } from './create.ts';

// Notifications written in the same transaction as the change (no domain event carries these):
// an invitation accepted (to whoever sent it) and a request to join a team (to the team's leads
// and the workspace's admins, who decide it).

interface Tx extends NotificationWriter {
  invitation: { findUnique(args: { where: { id: string }; select: { invitedById: true } }): PromiseLike<{ invitedById: string | null } | null> };
}

export async function notifyInvitationAccepted(tx: Tx, tenantId: string, invitationId: string, joined: { id: string; name: string | null; email: string }): Promise<void> {
  const invitation = await tx.invitation.findUnique({ where: { id: invitationId }, select: { invitedById: true } });
  if (!invitation?.invitedById) return;
  await createNotifications(tx, tenantId, [
    {
      userId: invitation.invitedById,
      type: 'invitation_accepted',
      actorId: joined.id,
      subjectType: 'member',
      subjectId: joined.id,
      data: { actorName: joined.name ?? joined.email.split('@')[0] },
      dedupeKey: `invitation_accepted:${invitationId}`,
    },
  ]);
}

export async function notifyJoinRequest(tx: NotificationWriter, tenantId: string, request: { id: string; teamId: string; userId: string }): Promise<void> {
  const [team, leads, members] = await Promise.all([
    db.team.findFirst({ where: { id: request.teamId, tenantId }, select: { name: true } }),
    db.teamMember.findMany({ where: { tenantId, teamId: request.teamId, role: 'lead' }, select: { userId: true } }),
    db.membership.findMany({ where: { tenantId, role: { in: ['owner', 'admin'] } }, select: { userId: true, role: true } }),
  ]);
  if (!team) return;
  const recipients = new Set([...leads.map((l) => l.userId), ...members.filter((m) => can(m.role, 'teams.manage')).map((m) => m.userId)]);
  const actorName = await displayName(request.userId);
  await createNotifications(
    tx,
    tenantId,
    [...recipients].map((userId) => ({
      userId,
      type: 'join_request' as const,
      actorId: request.userId,
      subjectType: 'team' as const,
      subjectId: request.teamId,
      data: { actorName, teamName: team.name },
      dedupeKey: `join_request:${request.id}`,
    })),
  );
}
