import { db } from '../db/client.ts';
import type { PlatformRole, ResellerStatus } from '../db/generated/enums.ts';
import { forbidden } from '../http/problem.ts';
import type { ResellerUserRole } from './reseller-schema.ts';

// Who is acting on the reseller side: a user working for one reseller. Every reseller service
// takes one of these and scopes each query by actor.resellerId; nothing is ever looked up by
// an id from the request without that scope.

export interface ResellerActor {
  userId: string;
  email: string;
  name: string | null;
  role: ResellerUserRole;
  resellerId: string;
  reseller: {
    id: string;
    name: string;
    tier: number;
    status: ResellerStatus;
    parentId: string | null;
    commissionRateBps: number;
  };
}

/** A member of the platform's staff (User.platformRole): approves resellers, sets terms, supports workspaces. */
export interface OperatorActor {
  userId: string;
  email: string;
  role: PlatformRole;
}

/**
 * The reseller a user works for, or null. A user who works for several (rare: one person in
 * two reseller organisations) acts for the one they joined first.
 */
export async function resellerActorFor(userId: string): Promise<ResellerActor | null> {
  const row = await db.resellerUser.findFirst({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: {
      role: true,
      user: { select: { id: true, email: true, name: true } },
      reseller: { select: { id: true, name: true, tier: true, status: true, parentId: true, commissionRateBps: true } },
    },
  });
  if (!row) return null;
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role === 'owner' ? 'owner' : 'member',
    resellerId: row.reseller.id,
    reseller: row.reseller,
  };
}

/** Selling, recruiting and pricing need an approved reseller; a pending or suspended one only looks. */
export function assertApproved(actor: ResellerActor): void {
  if (actor.reseller.status === 'pending') throw forbidden('Your reseller account is waiting for approval by the Waypoint team.');
  if (actor.reseller.status === 'suspended') throw forbidden('Your reseller account is suspended. Contact the Waypoint team.');
}

/** Pricing, recruiting, rates, white label and users are for the reseller's owners. */
export function assertOwner(actor: ResellerActor): void {
  if (actor.role !== 'owner') throw forbidden("Only an owner of your reseller account can do this.");
}
