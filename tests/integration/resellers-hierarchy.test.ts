import { describe, expect, it } from 'vitest';
import { authenticate } from '../../lib/auth/authenticate.ts';
import { db } from '../../lib/db/client.ts';
import { resellerActorFor } from '../../lib/resellers/reseller-actor.ts';
import { acceptResellerInvitation, inviteResellerUser, lookupResellerInvitation } from '../../lib/resellers/reseller-users.ts';
import { createTier1Reseller, moveReseller, recruitSubReseller, setCommissionRate, setResellerStatus } from '../../lib/resellers/resellers.ts';
import { TEST_PASSWORD, uniqueSlug } from '../support/factories.ts';
import { createReseller, operator, refreshed } from '../support/resellers.ts';
import { failure } from '../support/workspace.ts';

function ip(): string {
  return `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;
}

/** The invitation token from the latest reseller invitation email to this address. */
async function tokenFor(email: string): Promise<string> {
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email, kind: 'reseller_invitation' }, orderBy: { createdAt: 'desc' } });
  const match = message.text.match(/\/reseller\/welcome\/([A-Za-z0-9_-]{43})/);
  expect(match).not.toBeNull();
  return match![1];
}

describe('reseller hierarchy', () => {
  it('the operator creates an approved tier-1 reseller at 20% whose owner sets up an account and signs in on the root domain', async () => {
    const op = await operator();
    const email = `${uniqueSlug('owner')}@example.test`;
    const { reseller, owner } = await createTier1Reseller(op, { name: 'North Star Partners', ownerEmail: email });
    expect(reseller).toMatchObject({ tier: 1, parentId: null, commissionRateBps: 2000, status: 'approved' });
    expect(owner.status).toBe('invited');
    const token = await tokenFor(email);
    expect(await lookupResellerInvitation(token)).toMatchObject({ resellerName: 'North Star Partners', email, role: 'owner', existingAccount: false });
    // Before accepting, nobody can sign in with that address.
    expect(await authenticate({ email, password: 'a-new-password-1' }, null, ip())).toBeNull();
    await acceptResellerInvitation(token, { name: 'Nora Star', password: 'a-new-password-1' }, ip());
    const user = await authenticate({ email, password: 'a-new-password-1' }, null, ip());
    expect(user?.email).toBe(email);
    // The link works once.
    expect((await failure(acceptResellerInvitation(token, { name: 'Again', password: 'a-new-password-1' }, ip()))).status).toBe(410);
    // A reseller user is not a member of any workspace: tenant sign-in still refuses them.
    const someTenant = await db.tenant.findFirstOrThrow({ select: { id: true } });
    expect(await authenticate({ email, password: 'a-new-password-1' }, someTenant.id, ip())).toBeNull();
  });

  it('someone with an account is added at once and told by email', async () => {
    const tier1 = await createReseller();
    const other = await createReseller();
    const result = await inviteResellerUser(tier1.actor, { email: other.actor.email, role: 'member' });
    expect(result.status).toBe('added');
    expect(await db.resellerUser.count({ where: { resellerId: tier1.id, userId: other.actor.userId } })).toBe(1);
    expect((await failure(inviteResellerUser(tier1.actor, { email: other.actor.email, role: 'member' }))).status).toBe(409);
  });

  it('tiers: tier 1 recruits tier 2, tier 2 recruits tier 3, tier 3 is refused; recruits start pending at the default rate under the parent', async () => {
    const tier1 = await createReseller({ rateBps: 2000 });
    const { reseller: t2 } = await recruitSubReseller(tier1.actor, { name: 'Tier Two', ownerEmail: `${uniqueSlug('t2')}@example.test` });
    expect(t2).toMatchObject({ tier: 2, parentId: tier1.id, commissionRateBps: 1500, status: 'pending' });

    // A pending reseller cannot recruit; once approved it can.
    const t2Reseller = await createReseller({ parent: tier1, rateBps: 1200, status: 'pending' });
    expect((await failure(recruitSubReseller(t2Reseller.actor, { name: 'Too soon', ownerEmail: `${uniqueSlug('x')}@example.test` }))).status).toBe(403);
    await setResellerStatus(await operator(), t2Reseller.id, 'approved');
    const approved = await refreshed(t2Reseller);
    const { reseller: t3 } = await recruitSubReseller(approved.actor, { name: 'Tier Three', ownerEmail: `${uniqueSlug('t3')}@example.test` });
    // Default 10%, under a parent at 12%.
    expect(t3).toMatchObject({ tier: 3, parentId: t2Reseller.id, commissionRateBps: 1000 });

    const t3Reseller = await createReseller({ parent: approved });
    const deep = await failure(recruitSubReseller(t3Reseller.actor, { name: 'Tier Four', ownerEmail: `${uniqueSlug('t4')}@example.test` }));
    expect(deep.status).toBe(409);
    expect(deep.code).toBe('hierarchy_too_deep');
    expect(await db.reseller.count({ where: { parentId: t3Reseller.id } })).toBe(0);
  });

  it('a recruit cannot start above its parent rate', async () => {
    const tier1 = await createReseller({ rateBps: 1800 });
    const error = await failure(recruitSubReseller(tier1.actor, { name: 'Greedy', ownerEmail: `${uniqueSlug('g')}@example.test`, rateBps: 1900 }));
    expect(error.status).toBe(422);
    expect(error.fields?.rateBps).toMatch(/parent/);
    const defaulted = await recruitSubReseller(tier1.actor, { name: 'Modest', ownerEmail: `${uniqueSlug('m')}@example.test` });
    expect(defaulted.reseller.commissionRateBps).toBe(1500);
  });

  it('rates: a parent sets its own sub-resellers rates within its own; never another reseller; the operator anyone, within the same rules', async () => {
    const tier1 = await createReseller({ rateBps: 2000 });
    const child = await createReseller({ parent: tier1, rateBps: 1500 });
    const grandchild = await createReseller({ parent: child, rateBps: 1000 });
    const stranger = await createReseller({ rateBps: 2000 });

    expect((await setCommissionRate({ actor: tier1.actor }, child.id, { rateBps: 1800 })).commissionRateBps).toBe(1800);
    expect((await failure(setCommissionRate({ actor: tier1.actor }, child.id, { rateBps: 2100 }))).fields?.rateBps).toMatch(/parent/);
    // Only direct sub-resellers, and never someone else's: both look like "not found".
    expect((await failure(setCommissionRate({ actor: tier1.actor }, grandchild.id, { rateBps: 900 }))).status).toBe(404);
    expect((await failure(setCommissionRate({ actor: stranger.actor }, child.id, { rateBps: 100 }))).status).toBe(404);
    // A member (not an owner) of the parent cannot change rates.
    const memberUser = await db.user.create({ data: { email: `${uniqueSlug('mem')}@example.test` } });
    await db.resellerUser.create({ data: { resellerId: tier1.id, userId: memberUser.id, role: 'member' } });
    const member = await resellerActorFor(memberUser.id);
    expect((await failure(setCommissionRate({ actor: member! }, child.id, { rateBps: 1700 }))).status).toBe(403);

    const op = await operator();
    // Lowering a parent below its child's rate is refused: lower the child first.
    expect((await failure(setCommissionRate({ operator: op }, child.id, { rateBps: 900 }))).fields?.rateBps).toMatch(/sub-reseller/);
    await setCommissionRate({ operator: op }, grandchild.id, { rateBps: 800 });
    expect((await setCommissionRate({ operator: op }, child.id, { rateBps: 900 })).commissionRateBps).toBe(900);
    expect((await failure(setCommissionRate({ operator: op }, grandchild.id, { rateBps: 901 }))).fields?.rateBps).toMatch(/parent/);
  });

  it('concurrent rate changes on a parent and its child never leave the child above the parent', async () => {
    const op = await operator();
    for (let round = 0; round < 5; round += 1) {
      const tier1 = await createReseller({ rateBps: 2000 });
      const child = await createReseller({ parent: tier1, rateBps: 1000 });
      await Promise.allSettled([setCommissionRate({ operator: op }, tier1.id, { rateBps: 1200 }), setCommissionRate({ actor: tier1.actor }, child.id, { rateBps: 1900 })]);
      const [parentRow, childRow] = await Promise.all([db.reseller.findUniqueOrThrow({ where: { id: tier1.id } }), db.reseller.findUniqueOrThrow({ where: { id: child.id } })]);
      expect(childRow.commissionRateBps).toBeLessThanOrEqual(parentRow.commissionRateBps);
    }
  });

  it('cycles are refused: a reseller cannot be moved under itself or its own descendants; a same-tier move works', async () => {
    const op = await operator();
    const tier1 = await createReseller({ rateBps: 2000 });
    const child = await createReseller({ parent: tier1, rateBps: 1500 });
    const grandchild = await createReseller({ parent: child, rateBps: 1000 });
    const otherTier1 = await createReseller({ rateBps: 2000 });

    const underSelf = await failure(moveReseller(op, child.id, child.id));
    expect(underSelf.status).toBe(409);
    expect(underSelf.code).toBe('hierarchy_cycle');
    expect((await failure(moveReseller(op, child.id, grandchild.id))).code).toBe('hierarchy_cycle');
    expect((await failure(moveReseller(op, tier1.id, grandchild.id))).code).toBe('hierarchy_cycle');
    expect((await failure(moveReseller(op, grandchild.id, otherTier1.id))).code).toBe('hierarchy_tier_mismatch');

    const moved = await moveReseller(op, child.id, otherTier1.id);
    expect(moved.parentId).toBe(otherTier1.id);
    // Its own sub-reseller came along.
    expect((await db.reseller.findUniqueOrThrow({ where: { id: grandchild.id } })).parentId).toBe(child.id);
  });

  it('a sub-reseller is approved only after its parent', async () => {
    const op = await operator();
    const tier1 = await createReseller({ status: 'pending' });
    const child = await createReseller({ parent: tier1, status: 'pending' });
    expect((await failure(setResellerStatus(op, child.id, 'approved'))).status).toBe(409);
    await setResellerStatus(op, tier1.id, 'approved');
    const approved = await setResellerStatus(op, child.id, 'approved');
    expect(approved.status).toBe('approved');
    const row = await db.reseller.findUniqueOrThrow({ where: { id: child.id } });
    expect(row.approvedById).toBe(op.userId);
    expect(row.approvedAt).toBeInstanceOf(Date);
  });

  it('reseller users sign in on the root domain with their password; wrong passwords and plain members are refused', async () => {
    const reseller = await createReseller();
    expect((await authenticate({ email: reseller.actor.email, password: TEST_PASSWORD }, null, ip()))?.id).toBe(reseller.actor.userId);
    expect(await authenticate({ email: reseller.actor.email, password: 'wrong-password' }, null, ip())).toBeNull();
  });
});
