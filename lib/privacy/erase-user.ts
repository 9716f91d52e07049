import { recordAudit } from '../audit/record-audit.ts';
import { notifySessionsEnded } from '../auth/session-cache.ts';
import { db, type Prisma } from '../db/client.ts';
import { conflict } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';

// Erasing a person (GDPR art. 17): their own account deleting itself, the operator on request,
// or a workspace's identity provider. In each workspace, in one transaction: their personal
// rows go (goals of their own, habits and logs, comments, kudos, notifications, sessions,
// tokens, connections), their progress on shared goals stays for the team's totals but is
// anonymised as "Former member", and what the audit log and the outbox say about them loses
// their address and name. Then the account itself goes.

export const FORMER_MEMBER = { email: 'former-member@erased.invalid', name: 'Former member' } as const;

/** Why an account cannot be erased yet, or null. */
export async function erasureBlocker(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { platformRole: true, _count: { select: { resellerUsers: true, partnerUsers: true } }, memberships: { where: { role: 'owner' }, select: { tenantId: true, tenant: { select: { name: true } } } } },
  });
  if (!user) return null;
  if (user.platformRole) return 'Platform staff accounts are removed by a platform owner.';
  if (user._count.resellerUsers || user._count.partnerUsers) return 'This account also works for a reseller or a partner: leave that organisation first.';
  for (const membership of user.memberships) {
    const owners = await db.membership.count({ where: { tenantId: membership.tenantId, role: 'owner' } });
    if (owners <= 1) return `You are the last owner of ${membership.tenant.name}: make someone else an owner, or delete the workspace, first.`;
  }
  return null;
}

/** The placeholder account: verified, so a sign-up can never claim it as an unverified address; no password, no membership. */
async function formerMemberId(): Promise<string> {
  const row = await db.user.upsert({ where: { email: FORMER_MEMBER.email }, create: { email: FORMER_MEMBER.email, name: FORMER_MEMBER.name, emailVerifiedAt: new Date() }, update: {}, select: { id: true } });
  return row.id;
}

/** Replaces every occurrence of the person's address and name in JSON and text columns of their rows in one table. */
function redactJson(column: Prisma.JsonValue, needles: string[]): Prisma.InputJsonValue {
  let text = JSON.stringify(column);
  for (const needle of needles) if (needle.length >= 3) text = text.split(JSON.stringify(needle).slice(1, -1)).join(FORMER_MEMBER.name);
  return JSON.parse(text) as Prisma.InputJsonValue;
}

/** Ids of a workspace's rows whose JSON column mentions any of the needles (table and column are ours, never input). */
async function mentioning(tx: Prisma.TransactionClient, table: 'AuditLog' | 'DomainEvent' | 'Notification', column: 'metadata' | 'payload' | 'data', tenantId: string, needles: string[]): Promise<string[]> {
  const patterns = needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "${table}" WHERE "tenantId" = $1 AND "${column}"::text ILIKE ANY($2::text[])`, tenantId, patterns);
  return rows.map((row) => row.id);
}

async function eraseInTenant(tx: Prisma.TransactionClient, tenantId: string, user: { id: string; email: string; name: string | null }, placeholder: string): Promise<void> {
  const needles = [user.email, ...(user.name ? [user.name] : [])];
  // Shared goals keep their totals: progress on goals of a team (or of someone else) becomes the placeholder's.
  const shared = { tenantId, userId: user.id, goal: { OR: [{ teamId: { not: null } }, { ownerId: { not: user.id } }] } } satisfies Prisma.GoalProgressEntryWhereInput;
  await tx.goalProgressEntry.updateMany({ where: shared, data: { userId: placeholder, note: null } });
  // Team goals they own stay the team's.
  await tx.goal.updateMany({ where: { tenantId, ownerId: user.id, teamId: { not: null } }, data: { ownerId: placeholder } });
  await tx.goal.updateMany({ where: { tenantId, completedById: user.id }, data: { completedById: placeholder } });
  await tx.invitation.deleteMany({ where: { tenantId, email: user.email } });
  await tx.invitation.updateMany({ where: { tenantId, invitedById: user.id }, data: { invitedById: null } });
  await tx.emailMessage.deleteMany({ where: { tenantId, to: user.email } });
  // What the logs say about them stays, without who they were.
  const auditIds = await mentioning(tx, 'AuditLog', 'metadata', tenantId, needles);
  for (const row of await tx.auditLog.findMany({ where: { tenantId, OR: [{ actorId: user.id }, { targetId: user.id }, { actorEmail: user.email }, { id: { in: auditIds } }] }, select: { id: true, actorId: true, metadata: true } })) {
    await tx.auditLog.update({ where: { id: row.id }, data: { ...(row.actorId === user.id ? { actorId: placeholder, actorEmail: null } : {}), metadata: redactJson(row.metadata, needles) } });
  }
  for (const row of await tx.domainEvent.findMany({ where: { id: { in: await mentioning(tx, 'DomainEvent', 'payload', tenantId, needles) } }, select: { id: true, payload: true } })) {
    await tx.domainEvent.update({ where: { id: row.id }, data: { payload: redactJson(row.payload, needles) } });
  }
  const noticeIds = await mentioning(tx, 'Notification', 'data', tenantId, needles);
  for (const row of await tx.notification.findMany({ where: { tenantId, OR: [{ actorId: user.id }, { id: { in: noticeIds } }] }, select: { id: true, actorId: true, data: true } })) {
    await tx.notification.update({ where: { id: row.id }, data: { ...(row.actorId === user.id ? { actorId: placeholder } : {}), data: redactJson(row.data, needles) } });
  }
  await tx.membership.deleteMany({ where: { tenantId, userId: user.id } });
  await recordAudit(tx, { tenantId, actor: null, action: 'member.erased', target: { type: 'user', id: placeholder }, metadata: {} });
}

export interface ErasureOutcome {
  workspaces: number;
}

/**
 * Erases the person everywhere. `by` says who asked (recorded, without the person's address).
 * Refused (409) while they are a workspace's last owner or hold another role on the platform.
 */
export async function eraseUser(userId: string, by: { kind: 'self' | 'operator' | 'scim'; actor: { id: string; email: string } | null; reason?: string }): Promise<ErasureOutcome> {
  const blocker = await erasureBlocker(userId);
  if (blocker) throw conflict(blocker);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, memberships: { select: { tenantId: true } } } });
  if (!user) return { workspaces: 0 };
  const placeholder = await formerMemberId();
  for (const { tenantId } of user.memberships) await db.$transaction((tx) => eraseInTenant(tx, tenantId, user, placeholder));
  await db.$transaction(async (tx) => {
    const sessions = await tx.userSession.findMany({ where: { userId }, select: { id: true } });
    await tx.emailMessage.deleteMany({ where: { to: user.email } });
    await tx.pendingSignup.deleteMany({ where: { email: user.email } });
    await tx.staffInvitation.deleteMany({ where: { email: user.email } });
    // The rest of their rows (habits, logs, comments, kudos, notifications, sessions, tokens, connections) go with the account.
    await tx.user.delete({ where: { id: userId } });
    await notifySessionsEnded(tx, sessions.map((s) => s.id));
    await recordPlatformAudit(tx, { actor: by.actor, action: 'user.erased', target: { type: 'user', id: userId }, reason: by.reason ?? null, metadata: { by: by.kind, workspaces: user.memberships.length } });
  });
  return { workspaces: user.memberships.length };
}
