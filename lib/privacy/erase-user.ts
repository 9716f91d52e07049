import { recordAudit } from '../audit/record-audit.ts';
import { notifySessionsEnded } from '../auth/session-cache.ts';
import { db, type Prisma } from '../db/client.ts';
import { conflict } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';

// Erasing a person (GDPR art. 17): their own account deleting itself, the operator on request
// (everywhere), or a workspace's identity provider (a SCIM DELETE: in that workspace only). In
// each workspace, in one transaction: their personal rows go (goals of their own, habits and
// logs, comments, kudos, notifications, sessions, tokens, connections), their progress on
// shared goals stays for the team's totals but is anonymised as "Former member", what the audit
// log and the outbox say about them loses their address and name, and the workspace's own
// exports (which hold them) go. Then the account itself goes, unless another workspace (or a
// role on the platform) still holds it after a workspace-only erasure.

export const FORMER_MEMBER = { email: 'former-member@erased.invalid', name: 'Former member' } as const;

/** Why an account cannot be erased yet, or null; `subject` words it for the person themselves or for staff. */
export async function erasureBlocker(userId: string, subject: 'you' | 'they' = 'you'): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { platformRole: true, _count: { select: { resellerUsers: true, partnerUsers: true } }, memberships: { where: { role: 'owner' }, select: { tenantId: true, tenant: { select: { name: true } } } } },
  });
  if (!user) return null;
  if (user.platformRole) return 'Platform staff accounts are removed by a platform owner.';
  if (user._count.resellerUsers || user._count.partnerUsers) return subject === 'you' ? 'This account also works for a reseller or a partner: leave that organisation first.' : 'This account also works for a reseller or a partner: it must leave that organisation first.';
  for (const membership of user.memberships) {
    const owners = await db.membership.count({ where: { tenantId: membership.tenantId, role: 'owner' } });
    if (owners <= 1) return subject === 'you' ? `You are the last owner of ${membership.tenant.name}: make someone else an owner, or delete the workspace, first.` : `This person is the last owner of ${membership.tenant.name}: another owner must be named there, or the workspace deleted, first.`;
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

type Person = { id: string; email: string; name: string | null };
type ErasureKind = 'self' | 'operator' | 'scim';

async function eraseInTenant(tx: Prisma.TransactionClient, tenantId: string, user: Person, placeholder: string, kind: ErasureKind, metadata: Prisma.InputJsonObject = {}): Promise<void> {
  const needles = [user.email, ...(user.name ? [user.name] : [])];
  // Shared goals keep their totals: progress on goals of a team (or of someone else) becomes the placeholder's.
  const shared = { tenantId, userId: user.id, goal: { OR: [{ teamId: { not: null } }, { ownerId: { not: user.id } }] } } satisfies Prisma.GoalProgressEntryWhereInput;
  await tx.goalProgressEntry.updateMany({ where: shared, data: { userId: placeholder, note: null } });
  // Their measurements on those goals too (the goals' currentValue is their sum).
  await tx.goalMeasurement.updateMany({ where: { tenantId, userId: user.id, goal: shared.goal }, data: { userId: placeholder, note: null } });
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
  // Archives of the whole workspace made before now hold them.
  await tx.$executeRaw`DELETE FROM "DataExport" WHERE "tenantId" = ${tenantId} AND "userId" IS NULL`;
  await recordAudit(tx, { tenantId, actor: null, action: 'member.erased', target: { type: 'user', id: placeholder }, metadata: { ...metadata, by: kind } });
}

/**
 * What deleting the account does to its rows, in one workspace only: every table that refers
 * to a person and belongs to a workspace loses their rows there (ON DELETE CASCADE) or the
 * reference (SET NULL), as the foreign keys say. Their sessions there end now.
 */
async function detachInTenant(tx: Prisma.TransactionClient, tenantId: string, userId: string): Promise<void> {
  const sessions = await tx.userSession.findMany({ where: { tenantId, userId }, select: { id: true } });
  const references = await tx.$queryRaw<{ table: string; column: string; rule: string }[]>`
    SELECT c.conrelid::regclass::text AS table, a.attname::text AS column, c.confdeltype::text AS rule
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = '"User"'::regclass
      AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.conrelid AND t.attname = 'tenantId' AND NOT t.attisdropped)`;
  // Table and column names come from the catalogue, never from input.
  for (const { table, column, rule } of references) {
    if (rule === 'c') await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE "tenantId" = $1 AND "${column}" = $2`, tenantId, userId);
    else if (rule === 'n') await tx.$executeRawUnsafe(`UPDATE ${table} SET "${column}" = NULL WHERE "tenantId" = $1 AND "${column}" = $2`, tenantId, userId);
  }
  await tx.$executeRaw`UPDATE "SupportTicketComment" SET "authorId" = NULL WHERE "authorId" = ${userId} AND "ticketId" IN (SELECT id FROM "SupportTicket" WHERE "tenantId" = ${tenantId})`;
  await notifySessionsEnded(tx, sessions.map((session) => session.id));
}

export interface ErasureOutcome {
  workspaces: number;
}

export interface ErasureBy {
  kind: ErasureKind;
  actor: { id: string; email: string } | null;
  reason?: string;
  /** The data subject request it answers (recorded in the platform audit). */
  requestId?: string;
  ip?: string | null;
}

/**
 * Erases the person everywhere. `by` says who asked (recorded, without the person's address).
 * Refused (409) while they are a workspace's last owner or hold another role on the platform.
 */
export async function eraseUser(userId: string, by: ErasureBy): Promise<ErasureOutcome> {
  const blocker = await erasureBlocker(userId, by.kind === 'self' ? 'you' : 'they');
  if (blocker) throw conflict(blocker);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, memberships: { select: { tenantId: true } } } });
  if (!user) return { workspaces: 0 };
  const placeholder = await formerMemberId();
  for (const { tenantId } of user.memberships) await db.$transaction((tx) => eraseInTenant(tx, tenantId, user, placeholder, by.kind));
  await db.$transaction(async (tx) => {
    const sessions = await tx.userSession.findMany({ where: { userId }, select: { id: true } });
    await tx.emailMessage.deleteMany({ where: { to: user.email } });
    await tx.pendingSignup.deleteMany({ where: { email: user.email } });
    await tx.staffInvitation.deleteMany({ where: { email: user.email } });
    // The rest of their rows (habits, logs, comments, kudos, notifications, sessions, tokens, connections) go with the account.
    await tx.user.delete({ where: { id: userId } });
    await notifySessionsEnded(tx, sessions.map((s) => s.id));
    await recordPlatformAudit(tx, {
      actor: by.actor,
      action: 'user.erased',
      target: { type: 'user', id: userId },
      reason: by.reason ?? null,
      ip: by.ip ?? null,
      metadata: { by: by.kind, workspaces: user.memberships.length, ...(by.requestId ? { requestId: by.requestId } : {}) },
    });
  });
  return { workspaces: user.memberships.length };
}

/** The person and the Former member placeholder, read before a workspace's erasure transaction. */
export async function erasureSubject(userId: string): Promise<{ user: Person; placeholder: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  return user ? { user, placeholder: await formerMemberId() } : null;
}

/**
 * Erases the person in one workspace only, inside the caller's transaction (a directory
 * deleting them: the caller's transaction also removes the directory's record). Refused (409)
 * while they are its last owner. Their account stays; eraseAccountIfUnused then removes it when
 * nothing else holds it.
 */
export async function eraseInWorkspace(tx: Prisma.TransactionClient, tenantId: string, subject: { user: Person; placeholder: string }, kind: ErasureKind, metadata: Prisma.InputJsonObject = {}): Promise<void> {
  const membership = await tx.membership.findFirst({ where: { tenantId, userId: subject.user.id }, select: { role: true, tenant: { select: { name: true } } } });
  if (membership?.role === 'owner' && (await tx.membership.count({ where: { tenantId, role: 'owner' } })) <= 1) {
    throw conflict(`${subject.user.email} is the last owner of ${membership.tenant.name}, so they cannot be erased from it. Make someone else an owner first.`);
  }
  await eraseInTenant(tx, tenantId, subject.user, subject.placeholder, kind, metadata);
  await detachInTenant(tx, tenantId, subject.user.id);
}

/** After a workspace-only erasure: the account goes too when no workspace, organisation or platform role holds it any more. */
export async function eraseAccountIfUnused(userId: string, by: ErasureBy): Promise<boolean> {
  if ((await db.membership.count({ where: { userId } })) > 0 || (await erasureBlocker(userId))) return false;
  await eraseUser(userId, by);
  return true;
}
