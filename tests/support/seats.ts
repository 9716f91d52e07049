import { randomBytes } from 'node:crypto';
import { limit, type PlanHolder } from '../../lib/billing/entitlements.ts';
import { db } from '../../lib/db/client.ts';

/**
 * Fills the workspace to its plan's member limit (as the Plan table has it) with plain members,
 * in two bulk inserts: the member limit can then be tested on the real plans (enterprise
 * included) without changing shared Plan rows. Returns the ids of the users it added.
 */
export async function fillSeats(tenant: PlanHolder & { id: string }): Promise<string[]> {
  const [seats, taken] = await Promise.all([limit(tenant, 'members'), db.membership.count({ where: { tenantId: tenant.id } })]);
  const prefix = `seat-${randomBytes(5).toString('hex')}`;
  const users = Array.from({ length: Math.max(0, seats - taken) }, (_, i) => ({ email: `${prefix}-${i}@seats.example.test`, name: `Seat ${i}` }));
  if (users.length === 0) return [];
  await db.user.createMany({ data: users });
  const ids = (await db.user.findMany({ where: { email: { startsWith: `${prefix}-` } }, select: { id: true } })).map((user) => user.id);
  await db.membership.createMany({ data: ids.map((userId) => ({ tenantId: tenant.id, userId, role: 'member' as const })) });
  return ids;
}
