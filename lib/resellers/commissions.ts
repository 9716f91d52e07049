import { db, Prisma } from '../db/client.ts';
import type { CommissionStatus } from '../db/generated/enums.ts';
import { cascadeCommissions, MAX_CHAIN_LENGTH, proportionalReversal, type CascadeShare } from './commission-cascade.ts';

// Commissions: credited when a client workspace's invoice is paid, reversed when it is
// refunded or credited, approved after the holding period, paid by payouts (payouts.ts).
//
// Crediting (creditCommissionsForInvoice):
// - The chain is the client's reseller, its parent and grandparent, with their rates at the
//   moment of payment; the amounts come from cascadeCommissions() (floor to the cent).
// - A reseller in the chain that is not approved (suspended) earns nothing on that invoice: its
//   rate counts as 0, so the levels above it get their rate of an undiminished base.
// - Each invoice is credited once, however often invoice.paid arrives and whatever changed
//   in between (rates, the tree): one transaction, holding an advisory lock on the invoice,
//   writes every level's row or sees that the invoice already has rows and writes nothing;
//   unique(sourceId, resellerId) backs this up at the database.
// - Rows start pending, available at paidAt + the earning reseller's holdingDays; createdAt is
//   the payment's time (reversals: the refund's), which the dashboard's monthly figures use.
//
// Reversing (reverseCommissionsForRefund), for a refund or credit note of R cents:
// - Per reseller: the total taken back so far becomes floor(commission × refunded / sale),
//   where "refunded" is every refund of the invoice so far (R included), and the whole
//   commission once refunds reach the sale. Each refund id is applied once.
// - A full refund of a commission that is not paid and not in a payout marks that commission
//   (and any partial reversals of it) status "reversed": nothing was paid, nothing to claw back.
//   The rest of the commission is still written as a reversal row (status "reversed" too), so
//   the sale's lines visibly net to zero on the dashboard and in statements.
// - Otherwise a reversal row (kind "reversal", negative amount, saleCents = −R) is written:
//     · for a commission not yet paid out: same status and availableAt as the commission, so
//       both land in the same payout and it pays the net;
//     · for a commission paid (or already in a payout): approved and available at once, so
//       the next payout deducts it (a payout is made only when the net reaches the minimum).
// - A refund that arrives for an invoice with no commissions (not a reseller's client, or not
//   credited) changes nothing.

type Tx = Prisma.TransactionClient;

export interface CreditInput {
  tenantId: string;
  /** Stripe invoice id: the source of the sale rows. */
  invoiceId: string;
  /** What the client paid on the invoice, in cents. */
  amountCents: number;
  /** The plan sold; defaults to the workspace's plan now. */
  planId?: string | null;
  paidAt: Date;
}

export interface CreditResult {
  /** Rows written now (0 when the invoice had been credited already, or earns nobody anything). */
  created: number;
  alreadyCredited: boolean;
  shares: CascadeShare[];
}

interface ChainMember {
  id: string;
  status: string;
  commissionRateBps: number;
  holdingDays: number;
  parentId: string | null;
}

/** The seller and its ancestors, seller first (at most MAX_CHAIN_LENGTH). */
export async function resellerChain(client: Tx | typeof db, sellerId: string): Promise<ChainMember[]> {
  const chain: ChainMember[] = [];
  const seen = new Set<string>();
  for (let id: string | null = sellerId; id && chain.length < MAX_CHAIN_LENGTH && !seen.has(id); ) {
    seen.add(id);
    const row: ChainMember | null = await client.reseller.findUnique({ where: { id }, select: { id: true, status: true, commissionRateBps: true, holdingDays: true, parentId: true } });
    if (!row) break;
    chain.push(row);
    id = row.parentId;
  }
  return chain;
}

function lockInvoice(tx: Tx, invoiceId: string) {
  return tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`commission:${invoiceId}`}))`;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60_000);
}

/** Credits the commission cascade of a paid client invoice, once. A no-op for workspaces without a reseller. */
export async function creditCommissionsForInvoice(input: CreditInput): Promise<CreditResult> {
  const { tenantId, invoiceId, amountCents, paidAt } = input;
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`amountCents must be a non-negative integer, got ${amountCents}`);
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { resellerId: true, plan: true } });
  if (!tenant?.resellerId || amountCents === 0) return { created: 0, alreadyCredited: false, shares: [] };
  const sellerId = tenant.resellerId;
  const planId = input.planId ?? tenant.plan;

  return db.$transaction(async (tx) => {
    await lockInvoice(tx, invoiceId);
    const existing = await tx.commission.count({ where: { invoiceId, kind: 'sale' } });
    if (existing > 0) return { created: 0, alreadyCredited: true, shares: [] };
    const chain = await resellerChain(tx, sellerId);
    const shares = cascadeCommissions(
      amountCents,
      chain.map((member) => ({ resellerId: member.id, rateBps: member.status === 'approved' ? member.commissionRateBps : 0 })),
    );
    const byId = new Map(chain.map((member) => [member.id, member]));
    const rows: Prisma.CommissionCreateManyInput[] = shares
      .filter((share) => share.amountCents > 0)
      .map((share) => ({
        resellerId: share.resellerId,
        tenantId,
        sourceId: invoiceId,
        invoiceId,
        kind: 'sale',
        planId,
        saleCents: amountCents,
        baseCents: share.baseCents,
        rateBps: share.rateBps,
        amountCents: share.amountCents,
        level: share.level,
        status: 'pending',
        availableAt: addDays(paidAt, byId.get(share.resellerId)!.holdingDays),
        // The sale's date: the dashboard's monthly figures count invoices in the month they were paid.
        createdAt: paidAt,
      }));
    const { count } = await tx.commission.createMany({ data: rows, skipDuplicates: true });
    return { created: count, alreadyCredited: false, shares };
  });
}

export interface ReversalInput {
  invoiceId: string;
  /** The refund or credit note id: each is applied once. */
  refundId: string;
  /** How much of the invoice this refund (or credit note) gives back, in cents. */
  amountCents: number;
  at?: Date;
}

export interface ReversalResult {
  /** Reversal rows written. */
  reversalRows: number;
  /** Commissions marked reversed (fully refunded before being paid). */
  reversedCommissions: number;
  /** Cents taken back in total, over every reseller. */
  reversedCents: number;
}

const UNPAID: CommissionStatus[] = ['pending', 'approved'];

/** Reverses the commissions of a refunded or credited invoice (rules at the top of this file). */
export async function reverseCommissionsForRefund(input: ReversalInput): Promise<ReversalResult> {
  const { invoiceId, refundId, amountCents } = input;
  const at = input.at ?? new Date();
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`amountCents must be a non-negative integer, got ${amountCents}`);
  const result: ReversalResult = { reversalRows: 0, reversedCommissions: 0, reversedCents: 0 };
  if (amountCents === 0) return result;

  return db.$transaction(async (tx) => {
    await lockInvoice(tx, invoiceId);
    const sales = await tx.commission.findMany({ where: { invoiceId, kind: 'sale' }, orderBy: { level: 'asc' } });
    if (sales.length === 0) return result;
    if (await tx.commission.count({ where: { invoiceId, sourceId: refundId } })) return result;
    const reversals = await tx.commission.findMany({ where: { invoiceId, kind: 'reversal' } });

    for (const sale of sales) {
      if (sale.status === 'reversed') continue;
      const prior = reversals.filter((row) => row.resellerId === sale.resellerId);
      const refundedBefore = prior.reduce((sum, row) => sum - row.saleCents, 0);
      const takenBefore = prior.filter((row) => row.status !== 'reversed').reduce((sum, row) => sum - row.amountCents, 0);
      const refunded = refundedBefore + amountCents;
      const unpaid = UNPAID.includes(sale.status) && sale.payoutId === null;

      if (refunded >= sale.saleCents && unpaid) {
        await tx.commission.update({ where: { id: sale.id }, data: { status: 'reversed', reversedAt: at } });
        await tx.commission.updateMany({
          where: { invoiceId, resellerId: sale.resellerId, kind: 'reversal', payoutId: null, status: { in: UNPAID } },
          data: { status: 'reversed', reversedAt: at },
        });
        await tx.commission.create({
          data: {
            resellerId: sale.resellerId,
            tenantId: sale.tenantId,
            sourceId: refundId,
            invoiceId,
            kind: 'reversal',
            planId: sale.planId,
            saleCents: -amountCents,
            baseCents: sale.baseCents,
            rateBps: sale.rateBps,
            amountCents: -(sale.amountCents - takenBefore),
            level: sale.level,
            createdAt: at,
            status: 'reversed',
            availableAt: sale.availableAt,
            reversedAt: at,
          },
        });
        result.reversedCommissions += 1;
        result.reversalRows += 1;
        result.reversedCents += sale.amountCents - takenBefore;
        continue;
      }

      const take = Math.max(0, proportionalReversal(sale.amountCents, sale.saleCents, Math.min(refunded, sale.saleCents)) - takenBefore);
      // Written even when it takes 0 cents: it records the refunded amount for the next refund's proportion.
      await tx.commission.create({
        data: {
          resellerId: sale.resellerId,
          tenantId: sale.tenantId,
          sourceId: refundId,
          invoiceId,
          kind: 'reversal',
          planId: sale.planId,
          saleCents: -amountCents,
          baseCents: sale.baseCents,
          rateBps: sale.rateBps,
          amountCents: -take,
          level: sale.level,
          createdAt: at,
          ...(unpaid
            ? { status: sale.status, availableAt: sale.availableAt, approvedAt: sale.approvedAt }
            : { status: 'approved' as const, availableAt: at, approvedAt: at }),
        },
      });
      result.reversalRows += 1;
      result.reversedCents += take;
    }
    return result;
  });
}

/** Moves commissions whose holding period has ended from pending to approved. Idempotent. */
export async function approveDueCommissions(now: Date = new Date()): Promise<{ approved: number }> {
  const { count } = await db.commission.updateMany({ where: { status: 'pending', availableAt: { lte: now } }, data: { status: 'approved', approvedAt: now } });
  return { approved: count };
}
