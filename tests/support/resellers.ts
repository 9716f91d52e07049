import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../lib/auth/password.ts';
import { db } from '../../lib/db/client.ts';
import type { ResellerStatus } from '../../lib/db/generated/enums.ts';
import { DEFAULT_RATE_BPS } from '../../lib/resellers/hierarchy.ts';
import { resellerActorFor, type OperatorActor, type ResellerActor } from '../../lib/resellers/reseller-actor.ts';
import { createStaff, TEST_PASSWORD, uniqueSlug } from './factories.ts';

// Resellers made straight in the database (the services' own rules are tested separately),
// with an owner user each, and client workspaces owned by them.

export interface TestReseller {
  id: string;
  name: string;
  tier: number;
  actor: ResellerActor;
}

let passwordHash: Promise<string> | undefined;

export async function createResellerUser(resellerId: string, role: 'owner' | 'member' = 'owner') {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${uniqueSlug('rs')}@reseller.test`;
  const user = await db.user.create({ data: { email, name: email.split('@')[0], passwordHash: await passwordHash } });
  await db.resellerUser.create({ data: { resellerId, userId: user.id, role } });
  return user;
}

export async function createReseller(
  options: { parent?: TestReseller; rateBps?: number; status?: ResellerStatus; holdingDays?: number; payoutMinimumCents?: number; stripeConnectAccountId?: string | null; name?: string } = {},
): Promise<TestReseller> {
  const tier = options.parent ? options.parent.tier + 1 : 1;
  const name = options.name ?? `Reseller ${randomBytes(3).toString('hex')}`;
  const reseller = await db.reseller.create({
    data: {
      name,
      tier,
      parentId: options.parent?.id ?? null,
      commissionRateBps: options.rateBps ?? DEFAULT_RATE_BPS[tier],
      status: options.status ?? 'approved',
      holdingDays: options.holdingDays ?? 30,
      payoutMinimumCents: options.payoutMinimumCents ?? 5000,
      stripeConnectAccountId: options.stripeConnectAccountId ?? null,
      approvedAt: (options.status ?? 'approved') === 'approved' ? new Date() : null,
    },
  });
  const user = await createResellerUser(reseller.id, 'owner');
  const actor = await resellerActorFor(user.id);
  if (!actor) throw new Error('no actor');
  return { id: reseller.id, name, tier, actor };
}

/** The actor again, after the reseller's row changed (status, rate). */
export async function refreshed(reseller: TestReseller): Promise<TestReseller> {
  const actor = await resellerActorFor(reseller.actor.userId);
  if (!actor) throw new Error('no actor');
  return { ...reseller, actor };
}

export async function clientOf(reseller: { id: string }, options: { plan?: string; status?: 'active' | 'trial' } = {}) {
  const slug = uniqueSlug('client');
  return db.tenant.create({
    data: { slug, name: `Client ${slug}`, status: options.status ?? 'active', plan: options.plan ?? 'pro', resellerId: reseller.id, branding: { create: {} } },
  });
}

export async function operator(): Promise<OperatorActor> {
  const email = `${uniqueSlug('op')}@operator.test`;
  const user = await createStaff('owner', email);
  return { userId: user.id, email, role: 'owner' };
}

export function invoiceId(): string {
  return `in_test_${randomBytes(8).toString('hex')}`;
}
