import type { Prisma } from '../db/generated/client.ts';
import { limit, limitReachedMessage, planUpgradeRequired, type PlanHolder } from './entitlements.ts';

// The plan's member limit counts members and pending (unexpired) invitations: an invitation
// holds a seat until it is accepted, revoked or expires. Checks lock the workspace's seats
// for the rest of the transaction, so two invitations (or acceptances) racing for the last
// seat cannot both get it.

/** Any transaction (plain or tenant-scoped) that can run raw SQL. */
export interface SeatTx {
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<number>;
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T>;
}

export interface SeatUsage {
  members: number;
  pendingInvitations: number;
  limit: number;
}

export async function seatUsage(tx: SeatTx, tenant: PlanHolder & { id: string }): Promise<SeatUsage> {
  const [row] = await tx.$queryRaw<{ members: number; pending: number }[]>`
    SELECT (SELECT count(*)::int FROM "Membership" WHERE "tenantId" = ${tenant.id}) AS members,
           (SELECT count(*)::int FROM "Invitation" WHERE "tenantId" = ${tenant.id} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()) AS pending`;
  return { members: row.members, pendingInvitations: row.pending, limit: await limit(tenant, 'members') };
}

/**
 * Refuses (403 plan_upgrade_required, naming the plan that raises the limit) when the
 * workspace has no seat left for one more person:
 * - 'invite': members + pending invitations must stay within the limit;
 * - 'join': someone joins now (an invitation accepted, SSO or SCIM provisioning): members
 *   alone must stay within it (their own invitation, if any, already held the seat).
 */
export async function assertSeatAvailable(tx: SeatTx, tenant: PlanHolder & { id: string }, kind: 'invite' | 'join'): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`seats:${tenant.id}`}))`;
  const usage = await seatUsage(tx, tenant);
  const taken = kind === 'invite' ? usage.members + usage.pendingInvitations : usage.members;
  if (taken < usage.limit) return;
  const what =
    kind === 'invite'
      ? `This workspace has no seat left: ${usage.members} members and ${usage.pendingInvitations} pending invitations.`
      : `This workspace has no seat left: it has ${usage.members} members.`;
  throw planUpgradeRequired(await limitReachedMessage(tenant, 'members', what));
}
