import { db, Prisma } from '../db/client.ts';
import type { ResellerStatus } from '../db/generated/enums.ts';
import { AppError, conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertMoveAllowed, assertRateAllowed, childTier, defaultRateBps, HierarchyError, type TreeNode } from './hierarchy.ts';
import { assertApproved, assertOwner, type OperatorActor, type ResellerActor } from './reseller-actor.ts';
import { createResellerSchema, operatorResellerPatchSchema, recruitSchema, setRateSchema, whiteLabelSchema, type WhiteLabelInput } from './reseller-schema.ts';
import { grantResellerAccess, sendResellerAccessEmail } from './reseller-users.ts';
import type { Delivery } from '../email/send-email.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';

// The reseller tree: who may create whom, with which rate (rules in hierarchy.ts). Every
// change that depends on a neighbour's rate or tier locks the rows involved (FOR UPDATE),
// always top-down (a parent before its children, siblings in id order), so two concurrent
// changes (a parent lowering its rate while its sub-reseller's is raised) are serialized
// without deadlocking, and the rules hold after both.

type Tx = Prisma.TransactionClient;

export interface ResellerView {
  id: string;
  name: string;
  status: ResellerStatus;
  tier: number;
  parentId: string | null;
  commissionRateBps: number;
}

const viewSelect = { id: true, name: true, status: true, tier: true, parentId: true, commissionRateBps: true } as const;

function toAppError(error: unknown): unknown {
  if (!(error instanceof HierarchyError)) return error;
  if (error.code.startsWith('rate')) return validationFailed({ rateBps: error.message }, error.message);
  return new AppError(409, `hierarchy_${error.code}`, error.message);
}

async function lockReseller(tx: Tx, id: string): Promise<(TreeNode & { status: ResellerStatus }) | undefined> {
  const rows = await tx.$queryRaw<(TreeNode & { status: ResellerStatus })[]>`
    SELECT id, tier, "parentId", "commissionRateBps", status FROM "Reseller" WHERE id = ${id} FOR UPDATE`;
  return rows[0];
}

/** Locks a reseller and its parent, parent first. The parent is read before the lock, so it is checked again after. */
async function lockWithParent(tx: Tx, id: string) {
  const peek = await tx.reseller.findUnique({ where: { id }, select: { parentId: true } });
  if (!peek) return null;
  const parent = peek.parentId ? await lockReseller(tx, peek.parentId) : undefined;
  const node = await lockReseller(tx, id);
  if (!node) return null;
  if (node.parentId !== peek.parentId) throw conflict('This reseller was just moved. Try again.');
  return { node, parent };
}

async function childRates(tx: Tx, resellerId: string): Promise<number[]> {
  // Locked too: a child's rate raised concurrently could otherwise pass above the new rate.
  const rows = await tx.$queryRaw<{ commissionRateBps: number }[]>`
    SELECT "commissionRateBps" FROM "Reseller" WHERE "parentId" = ${resellerId} ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.commissionRateBps);
}

interface CreatedReseller {
  reseller: ResellerView;
  owner: { status: 'added' | 'invited'; delivery: Delivery };
}

async function createWithOwner(
  parent: { id: string; tier: number; commissionRateBps: number } | null,
  input: { name: string; ownerEmail: string; rateBps?: number },
  status: ResellerStatus,
  approvedById: string | null,
  invitedBy: string,
  by: { id: string; email: string },
): Promise<CreatedReseller> {
  try {
    const { reseller, grant } = await db.$transaction(async (tx) => {
      let parentRate: number | null = null;
      let tier = 1;
      if (parent) {
        const locked = await lockReseller(tx, parent.id);
        if (!locked) throw notFound('No such reseller.');
        tier = childTier(locked);
        parentRate = locked.commissionRateBps;
      }
      const rate = input.rateBps ?? defaultRateBps(tier, parentRate);
      assertRateAllowed(rate, parentRate);
      const reseller = await tx.reseller.create({
        data: {
          name: input.name,
          tier,
          parentId: parent?.id ?? null,
          commissionRateBps: rate,
          status,
          approvedAt: status === 'approved' ? new Date() : null,
          approvedById,
        },
        select: viewSelect,
      });
      const grant = await grantResellerAccess(tx, reseller, { email: input.ownerEmail, role: 'owner' });
      await recordPlatformAudit(tx, {
        actor: by,
        action: parent ? 'reseller.recruited' : 'reseller.created',
        target: { type: 'reseller', id: reseller.id },
        metadata: { name: reseller.name, tier, parentId: parent?.id ?? null, rateBps: rate, ownerEmail: input.ownerEmail },
      });
      return { reseller, grant };
    });
    return { reseller, owner: { status: grant.status, delivery: await sendResellerAccessEmail(reseller, invitedBy, input.ownerEmail, grant) } };
  } catch (error) {
    throw toAppError(error);
  }
}

/** The operator creates a tier-1 reseller, approved at once; its owner is invited by email. */
export async function createTier1Reseller(operator: OperatorActor, input: unknown): Promise<CreatedReseller> {
  const data = parseInput(createResellerSchema, input);
  return createWithOwner(null, data, 'approved', operator.userId, 'The Waypoint team', { id: operator.userId, email: operator.email });
}

/**
 * An approved tier-1 or tier-2 reseller recruits a sub-reseller one tier below it, at most at
 * its own rate (default: the tier's default, capped by the parent's rate). The sub-reseller
 * starts pending: the platform operator approves every reseller before it sells.
 */
export async function recruitSubReseller(actor: ResellerActor, input: unknown): Promise<CreatedReseller> {
  assertApproved(actor);
  assertOwner(actor);
  const data = parseInput(recruitSchema, input);
  return createWithOwner(actor.reseller, data, 'pending', null, actor.name ?? actor.email, { id: actor.userId, email: actor.email });
}

/** Approves (or suspends, or reinstates) a reseller. */
export async function setResellerStatus(operator: OperatorActor, resellerId: string, status: 'approved' | 'suspended'): Promise<ResellerView> {
  const current = await db.reseller.findUnique({ where: { id: resellerId }, select: { id: true, status: true, parent: { select: { status: true } } } });
  if (!current) throw notFound('No such reseller.');
  if (status === 'approved' && current.parent && current.parent.status !== 'approved') throw conflict('Approve its parent reseller first.');
  return db.$transaction(async (tx) => {
    const row = await tx.reseller.update({
      where: { id: resellerId },
      data: status === 'approved' && current.status !== 'approved' ? { status, approvedAt: new Date(), approvedById: operator.userId } : { status },
      select: viewSelect,
    });
    if (current.status !== status) {
      await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: status === 'approved' ? 'reseller.approved' : 'reseller.suspended', target: { type: 'reseller', id: resellerId }, metadata: { from: current.status } });
    }
    return row;
  });
}

/**
 * Sets a reseller's commission rate: the operator for anyone, a reseller's owner for its own
 * direct sub-resellers. Never above the parent's rate, never below a sub-reseller's.
 * Applies to invoices paid from now on; commissions already credited keep their rate.
 */
export async function setCommissionRate(by: { operator: OperatorActor } | { actor: ResellerActor }, resellerId: string, input: unknown): Promise<ResellerView> {
  const { rateBps } = parseInput(setRateSchema, input);
  if ('actor' in by) {
    assertApproved(by.actor);
    assertOwner(by.actor);
  }
  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockWithParent(tx, resellerId);
      // Another reseller's sub-resellers look exactly like ones that do not exist.
      if (!locked || ('actor' in by && locked.node.parentId !== by.actor.resellerId)) throw notFound('No such sub-reseller.');
      const { parent } = locked;
      assertRateAllowed(rateBps, parent?.commissionRateBps ?? null, await childRates(tx, resellerId));
      const row = await tx.reseller.update({ where: { id: resellerId }, data: { commissionRateBps: rateBps }, select: viewSelect });
      const actor = 'actor' in by ? { id: by.actor.userId, email: by.actor.email } : { id: by.operator.userId, email: by.operator.email };
      await recordPlatformAudit(tx, { actor, action: 'reseller.rate_set', target: { type: 'reseller', id: resellerId }, metadata: { from: locked.node.commissionRateBps, to: rateBps } });
      return row;
    });
  } catch (error) {
    throw toAppError(error);
  }
}

/** The operator re-homes a sub-reseller under another parent of the same tier above it. */
export async function moveReseller(operator: OperatorActor, resellerId: string, newParentId: string): Promise<ResellerView> {
  try {
    return await db.$transaction(async (tx) => {
      // The new parent is a tier above the node: locked first, like every change here.
      const newParent = await lockReseller(tx, newParentId);
      const locked = await lockWithParent(tx, resellerId);
      if (!locked || !newParent) throw notFound('No such reseller.');
      const { node } = locked;
      // The whole ancestry of the new parent, to refuse a cycle even if a row were corrupt.
      const ancestry = await tx.$queryRaw<{ id: string; parentId: string | null }[]>`
        WITH RECURSIVE up(id, "parentId", depth) AS (
          SELECT id, "parentId", 0 FROM "Reseller" WHERE id = ${newParentId}
          UNION ALL
          SELECT r.id, r."parentId", up.depth + 1 FROM "Reseller" r JOIN up ON r.id = up."parentId" WHERE up.depth < 10
        ) SELECT id, "parentId" FROM up`;
      const parentOf = new Map(ancestry.map((row) => [row.id, row.parentId]));
      assertMoveAllowed(node, newParent, (id) => parentOf.get(id));
      const row = await tx.reseller.update({ where: { id: resellerId }, data: { parentId: newParentId }, select: viewSelect });
      await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'reseller.moved', target: { type: 'reseller', id: resellerId }, metadata: { from: node.parentId, to: newParentId } });
      return row;
    });
  } catch (error) {
    throw toAppError(error);
  }
}

/** Everything else the operator sets on a reseller: status, rate, parent, payout terms. */
export async function updateResellerAsOperator(operator: OperatorActor, resellerId: string, input: unknown): Promise<ResellerView> {
  const patch = parseInput(operatorResellerPatchSchema, input);
  if (patch.parentId !== undefined) await moveReseller(operator, resellerId, patch.parentId);
  if (patch.rateBps !== undefined) await setCommissionRate({ operator }, resellerId, { rateBps: patch.rateBps });
  if (patch.status !== undefined) await setResellerStatus(operator, resellerId, patch.status);
  const terms: Prisma.ResellerUpdateInput = {};
  if (patch.stripeConnectAccountId !== undefined) terms.stripeConnectAccountId = patch.stripeConnectAccountId || null;
  if (patch.payoutMinimumCents !== undefined) terms.payoutMinimumCents = patch.payoutMinimumCents;
  if (patch.holdingDays !== undefined) terms.holdingDays = patch.holdingDays;
  return db
    .$transaction(async (tx) => {
      const row = await tx.reseller.update({ where: { id: resellerId }, data: terms, select: viewSelect });
      if (Object.keys(terms).length > 0) {
        // The account id is named, not shown whole: it is where the money goes.
        const metadata = { ...terms, ...(terms.stripeConnectAccountId ? { stripeConnectAccountId: `…${String(terms.stripeConnectAccountId).slice(-4)}` } : {}) } as Prisma.InputJsonObject;
        await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'reseller.payout_terms_set', target: { type: 'reseller', id: resellerId }, metadata });
      }
      return row;
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw notFound('No such reseller.');
      throw error;
    });
}

/** The white label shown on the reseller's client workspaces (where their plan allows it). */
export async function setWhiteLabel(actor: ResellerActor, input: unknown): Promise<WhiteLabelInput> {
  assertApproved(actor);
  assertOwner(actor);
  const data = parseInput(whiteLabelSchema, input);
  await db.$transaction(async (tx) => {
    await tx.reseller.update({ where: { id: actor.resellerId }, data: { whiteLabel: data } });
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'reseller.white_label_set', target: { type: 'reseller', id: actor.resellerId }, metadata: data as Prisma.InputJsonObject });
  });
  return data;
}

export async function getWhiteLabelSettings(actor: ResellerActor): Promise<WhiteLabelInput> {
  const row = await db.reseller.findUniqueOrThrow({ where: { id: actor.resellerId }, select: { whiteLabel: true } });
  return parseInput(whiteLabelSchema, row.whiteLabel ?? {});
}

export interface OperatorResellerRow extends ResellerView {
  parentName: string | null;
  clientCount: number;
  userEmails: string[];
  stripeConnectAccountId: string | null;
  payoutMinimumCents: number;
  holdingDays: number;
  createdAt: Date;
}

/** Every reseller, for the operator's list (parents before children). */
export async function listResellersForOperator(): Promise<OperatorResellerRow[]> {
  const rows = await db.reseller.findMany({
    orderBy: [{ tier: 'asc' }, { createdAt: 'asc' }],
    take: 1000,
    select: {
      ...viewSelect,
      stripeConnectAccountId: true,
      payoutMinimumCents: true,
      holdingDays: true,
      createdAt: true,
      parent: { select: { name: true } },
      users: { select: { user: { select: { email: true } } }, take: 5 },
      _count: { select: { clients: true } },
    },
  });
  return rows.map(({ parent, users, _count, ...row }) => ({ ...row, parentName: parent?.name ?? null, clientCount: _count.clients, userEmails: users.map((u) => u.user.email) }));
}

