import { db } from '../db/client.ts';
import type { PartnerStatus } from '../db/generated/enums.ts';
import { forbidden } from '../http/problem.ts';

// Who is acting on the partner side: a user working for one partner. Every partner service
// takes one of these and scopes each query by actor.partnerId; nothing is looked up by an id
// from the request without that scope.

export const PARTNER_ROLES = ['owner', 'developer', 'billing'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export interface PartnerActor {
  userId: string;
  email: string;
  name: string | null;
  role: PartnerRole;
  partnerId: string;
  partner: { id: string; name: string; slug: string; status: PartnerStatus; agreementVersion: string | null };
}

const asRole = (role: string): PartnerRole => (PARTNER_ROLES as readonly string[]).includes(role) ? (role as PartnerRole) : 'developer';

/** The partner a user works for (the one joined first, if several), or null. */
export async function partnerActorFor(userId: string): Promise<PartnerActor | null> {
  const row = await db.partnerUser.findFirst({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: {
      role: true,
      user: { select: { id: true, email: true, name: true } },
      partner: { select: { id: true, name: true, slug: true, status: true, agreementVersion: true } },
    },
  });
  if (!row) return null;
  return { userId: row.user.id, email: row.user.email, name: row.user.name, role: asRole(row.role), partnerId: row.partner.id, partner: row.partner };
}

/** Building and publishing apps needs an active partner; an applicant or a suspended one only looks. */
export function assertActivePartner(actor: PartnerActor): void {
  if (actor.partner.status === 'applied') throw forbidden('Your partner application is waiting for review by the Waypoint team.');
  if (actor.partner.status === 'rejected') throw forbidden('Your partner application was not accepted.');
  if (actor.partner.status === 'suspended') throw forbidden('Your partner account is suspended. Contact the Waypoint team.');
}

/** Apps are for owners and developers; billing contacts see payouts. */
export function assertDeveloper(actor: PartnerActor): void {
  if (actor.role === 'billing') throw forbidden('Only owners and developers of your partner account can work on apps.');
}

/** The profile, contacts and the agreement are for the partner's owners. */
export function assertPartnerOwner(actor: PartnerActor): void {
  if (actor.role !== 'owner') throw forbidden('Only an owner of your partner account can do this.');
}

/** Money (revenue, payouts, statements) is for the partner's owners and billing contacts, not its developers. */
export function canSeeMoney(actor: PartnerActor): boolean {
  return actor.role === 'owner' || actor.role === 'billing';
}

export function assertSeesMoney(actor: PartnerActor): void {
  if (!canSeeMoney(actor)) throw forbidden('Payouts and statements are for owners and billing contacts of your partner account.');
}
