import { z } from 'zod';
import { db } from '../db/client.ts';
import type { DataSubjectRequestKind, PlatformRole, Role } from '../db/generated/enums.ts';
import { erasureBlocker } from './erase-user.ts';

// "Find a person" on /operator/privacy: by address, where they are a member (and whether they
// are its last owner), whether processing is restricted for them (since when, why, by whom),
// what would stop an erasure, and their open requests in the register.

export interface PersonView {
  id: string;
  email: string;
  name: string | null;
  platformRole: PlatformRole | null;
  workspaces: { tenantId: string; name: string; slug: string; role: Role; lastOwner: boolean }[];
  restriction: { since: Date; reason: string | null; by: string | null } | null;
  erasureBlocker: string | null;
  openRequests: { id: string; kind: DataSubjectRequestKind; receivedAt: Date }[];
}

const emailSchema = z.string().trim().toLowerCase().email().max(254);

/** The person with this address, or null (also for something that is not an address). */
export async function findPerson(email: string): Promise<PersonView | null> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data },
    select: { id: true, email: true, name: true, platformRole: true, restrictedAt: true, restrictionReason: true, memberships: { orderBy: { createdAt: 'asc' }, select: { role: true, tenant: { select: { id: true, name: true, slug: true } } } } },
  });
  if (!user) return null;
  const [owners, restrictedBy, blocker, openRequests] = await Promise.all([
    db.membership.groupBy({ by: ['tenantId'], where: { role: 'owner', tenantId: { in: user.memberships.map((m) => m.tenant.id) } }, _count: { _all: true } }),
    user.restrictedAt ? db.platformAuditLog.findFirst({ where: { targetId: user.id, action: 'user.restricted' }, orderBy: { createdAt: 'desc' }, select: { actorEmail: true } }) : null,
    erasureBlocker(user.id, 'they'),
    db.dataSubjectRequest.findMany({ where: { subjectEmail: user.email, completedAt: null }, orderBy: { dueAt: 'asc' }, select: { id: true, kind: true, receivedAt: true } }),
  ]);
  const ownerCount = new Map(owners.map((row) => [row.tenantId, row._count._all]));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    platformRole: user.platformRole,
    workspaces: user.memberships.map(({ role, tenant }) => ({ tenantId: tenant.id, name: tenant.name, slug: tenant.slug, role, lastOwner: role === 'owner' && (ownerCount.get(tenant.id) ?? 0) <= 1 })),
    restriction: user.restrictedAt ? { since: user.restrictedAt, reason: user.restrictionReason, by: restrictedBy?.actorEmail ?? null } : null,
    erasureBlocker: blocker,
    openRequests,
  };
}
