import { endSessions } from '../auth/user-sessions.ts';
import { db, type Prisma } from '../db/client.ts';
import type { PlatformRole } from '../db/generated/enums.ts';
import { conflict, notFound, parseInput } from '../http/problem.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { endImpersonation } from './impersonation.ts';
import { recordPlatformAudit } from './platform-audit.ts';
import { changeStaffRoleSchema, type StaffMemberView } from './staff-schema.ts';

// The platform's staff: who they are, their roles, removal, and resetting a lost second
// factor. Only platform owners (platform:staff) come here. The platform always keeps at least
// one owner: changes that would leave none are refused, serialised so two at once cannot.

type Tx = Prisma.TransactionClient;

const actorOf = (operator: OperatorActor) => ({ id: operator.userId, email: operator.email });

/** The platform's staff, or one of them (`userId`). */
export async function listStaff(userId?: string): Promise<StaffMemberView[]> {
  const users = await db.user.findMany({
    where: { platformRole: { not: null }, ...(userId ? { id: userId } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, email: true, name: true, platformRole: true, totpEnabledAt: true },
  });
  const lastSignIns = users.length
    ? await db.userSession.groupBy({ by: ['userId'], where: { userId: { in: users.map((user) => user.id) }, tenantId: null }, _max: { createdAt: true } })
    : [];
  const lastOf = new Map(lastSignIns.map((row) => [row.userId, row._max.createdAt]));
  return users.map((user) => ({
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.platformRole!,
    twoFactor: user.totpEnabledAt !== null,
    lastSignInAt: lastOf.get(user.id)?.toISOString() ?? null,
  }));
}

/** Locks the staff list for the rest of the transaction and answers the target's current role. */
async function lockStaff(tx: Tx, userId: string): Promise<{ email: string; role: PlatformRole }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('platform-staff'))`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, platformRole: true } });
  if (!user?.platformRole) throw notFound('No such member of the platform staff.');
  return { email: user.email, role: user.platformRole };
}

async function assertAnotherOwner(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { platformRole: 'owner', id: { not: userId } } });
  if (others === 0) throw conflict('The platform needs at least one owner: make someone else an owner first.');
}

export async function changeStaffRole(actor: OperatorActor, userId: string, input: unknown, ip: string | null = null): Promise<StaffMemberView> {
  const { role } = parseInput(changeStaffRoleSchema, input);
  await db.$transaction(async (tx) => {
    const current = await lockStaff(tx, userId);
    if (current.role === role) return;
    if (current.role === 'owner') await assertAnotherOwner(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { platformRole: role } });
    await recordPlatformAudit(tx, { actor: actorOf(actor), action: 'staff.role_changed', target: { type: 'user', id: userId }, ip, metadata: { email: current.email, from: current.role, to: role } });
  });
  const [view] = await listStaff(userId);
  if (!view) throw notFound('No such member of the platform staff.');
  return view;
}

/**
 * Takes someone off the staff: their role goes, their console sessions end at once and so do
 * impersonations they are running. Their account (and any workspace memberships) stays.
 */
export async function removeStaff(actor: OperatorActor, userId: string, ip: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockStaff(tx, userId);
    if (current.role === 'owner') await assertAnotherOwner(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { platformRole: null } });
    await endSessions(tx, { userId, tenantId: null }, 'ended_by_admin');
    await recordPlatformAudit(tx, { actor: actorOf(actor), action: 'staff.removed', target: { type: 'user', id: userId }, ip, metadata: { email: current.email, role: current.role } });
  });
  const running = await db.impersonation.findMany({ where: { operatorId: userId, status: 'active' }, select: { id: true } });
  for (const { id } of running) await endImpersonation(id, { kind: 'operator', actor: actorOf(actor) }, ip);
}

/**
 * For staff who lost their authenticator: turns their 2FA off and ends their console sessions,
 * so they sign in again and add a new one before anything else. Done by another owner, after
 * checking who is asking (the request, not the code, is the proof here).
 */
export async function resetStaffTwoFactor(actor: OperatorActor, userId: string, ip: string | null = null): Promise<void> {
  if (userId === actor.userId) throw conflict('Ask another platform owner to reset your own two-factor authentication.');
  await db.$transaction(async (tx) => {
    const current = await lockStaff(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastTimeStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endSessions(tx, { userId, tenantId: null }, 'ended_by_admin');
    await recordPlatformAudit(tx, { actor: actorOf(actor), action: 'staff.two_factor_reset', target: { type: 'user', id: userId }, ip, metadata: { email: current.email } });
  });
}
