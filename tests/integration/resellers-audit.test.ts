import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { clearResellerPrice, setPlanFloor, setResellerPrice } from '../../lib/resellers/prices.ts';
import { acceptResellerInvitation, inviteResellerUser, removeResellerUser } from '../../lib/resellers/reseller-users.ts';
import { createTier1Reseller, moveReseller, recruitSubReseller, setCommissionRate, setResellerStatus, setWhiteLabel, updateResellerAsOperator } from '../../lib/resellers/resellers.ts';
import { uniqueSlug } from '../support/factories.ts';
import { createReseller, operator } from '../support/resellers.ts';
import { failure } from '../support/workspace.ts';

// Every change the operator or a reseller makes to resellers, their rates, prices, payout terms
// and white label is in the platform audit log, with who did it and what changed.

const actionsOn = async (type: string, id: string) =>
  (await db.platformAuditLog.findMany({ where: { targetType: type, targetId: id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorEmail: true, metadata: true } })).map((row) => ({
    action: row.action,
    by: row.actorEmail,
    metadata: row.metadata,
  }));

describe('the platform audit log of reseller actions', () => {
  it('records creating, recruiting, approving, suspending, rates and moves', async () => {
    const op = await operator();
    const { reseller } = await createTier1Reseller(op, { name: 'Audited Partners', ownerEmail: `${uniqueSlug('o')}@example.test` });
    const parent = await createReseller();
    const { reseller: sub } = await recruitSubReseller(parent.actor, { name: 'Audited Sub', ownerEmail: `${uniqueSlug('s')}@example.test` });
    await setResellerStatus(op, sub.id, 'approved');
    await setCommissionRate({ actor: parent.actor }, sub.id, { rateBps: 500 });
    const otherParent = await createReseller();
    await moveReseller(op, sub.id, otherParent.id);
    await setResellerStatus(op, sub.id, 'suspended');
    // Setting the status it already has changes nothing and records nothing.
    await setResellerStatus(op, sub.id, 'suspended');

    expect(await actionsOn('reseller', reseller.id)).toEqual([{ action: 'reseller.created', by: op.email, metadata: expect.objectContaining({ name: 'Audited Partners', tier: 1, parentId: null }) }]);
    expect(await actionsOn('reseller', sub.id)).toEqual([
      { action: 'reseller.recruited', by: parent.actor.email, metadata: expect.objectContaining({ tier: 2, parentId: parent.id }) },
      { action: 'reseller.approved', by: op.email, metadata: { from: 'pending' } },
      { action: 'reseller.rate_set', by: parent.actor.email, metadata: expect.objectContaining({ to: 500 }) },
      { action: 'reseller.moved', by: op.email, metadata: { from: parent.id, to: otherParent.id } },
      { action: 'reseller.suspended', by: op.email, metadata: { from: 'approved' } },
    ]);
  });

  it('records payout terms (naming the Stripe account by its end only), prices, floors and the white label', async () => {
    const op = await operator();
    const reseller = await createReseller();
    await updateResellerAsOperator(op, reseller.id, { holdingDays: 14, stripeConnectAccountId: 'acct_1AbCdEfGhIjK9876' });
    await setPlanFloor(op, 'pro', { floorCents: 8000 });
    await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 9900 });
    await setResellerPrice(reseller.actor, { planId: 'pro', priceCents: 9900 });
    await clearResellerPrice(reseller.actor, 'pro');
    await clearResellerPrice(reseller.actor, 'pro');
    await setWhiteLabel(reseller.actor, { name: 'Audited Brand' });

    const entries = await actionsOn('reseller', reseller.id);
    expect(entries.map((entry) => entry.action)).toEqual(['reseller.payout_terms_set', 'reseller.price_set', 'reseller.price_cleared', 'reseller.white_label_set']);
    expect(entries[0]!.metadata).toEqual({ holdingDays: 14, stripeConnectAccountId: '…9876' });
    expect(JSON.stringify(entries)).not.toContain('acct_1AbCdEfGhIjK9876');
    expect(entries[1]).toEqual({ action: 'reseller.price_set', by: reseller.actor.email, metadata: { planId: 'pro', currency: 'usd', from: null, to: 9900 } });
    // Other files set floors too (the same ones): this operator's entry is among them.
    expect(await actionsOn('plan', 'pro')).toContainEqual({ action: 'plan.floor_set', by: op.email, metadata: { currency: 'usd', to: 8000 } });
  });
});

describe('the platform audit log of reseller users', () => {
  it('records an invitation, its acceptance and a removal', async () => {
    const reseller = await createReseller();
    const email = `${uniqueSlug('joiner')}@example.test`;
    const { status } = await inviteResellerUser(reseller.actor, { email, role: 'member' });
    expect(status).toBe('invited');
    const token = /reseller\/welcome\/([A-Za-z0-9_-]+)/.exec((await db.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: 'desc' } })).text)?.[1];
    expect(token).toBeDefined();
    const joined = await acceptResellerInvitation(token!, { name: 'Joiner', password: 'a long enough password 1' }, '203.0.113.8');
    await removeResellerUser(reseller.actor, joined.userId);
    expect(await failure(removeResellerUser(reseller.actor, joined.userId))).toMatchObject({ status: 404 });
    expect(await actionsOn('reseller', reseller.id)).toEqual([
      { action: 'reseller_user.invited', by: reseller.actor.email, metadata: { email, role: 'member' } },
      { action: 'reseller_user.joined', by: email, metadata: { role: 'member', newAccount: true } },
      { action: 'reseller_user.removed', by: reseller.actor.email, metadata: { userId: joined.userId, email, role: 'member' } },
    ]);
  });
});
