import { db, Prisma } from '../db/client.ts';
import { conflict, notFound, parseInput } from '../http/problem.ts';
import type { OperatorActor } from './reseller-actor.ts';
import { payoutReferenceSchema } from './reseller-schema.ts';
import { createPayoutTransfer, resellerStripeConfigured, TransferDeclinedError } from './stripe-gateway.ts';
import { logger } from '../observability/logger.ts';

// Payouts: a reseller's approved commissions, paid together once a month.
//
// - The payout job runs daily (so a day the app was down is caught up the next day) and pays
//   the previous calendar month (UTC): period [first of last month, first of this month).
// - Per approved reseller, one payout per period at most (unique(resellerId, periodStart)). It
//   takes every approved commission not yet in a payout that was available before the
//   period's end: the period's own and earlier ones that did not reach the minimum then.
//   Reversal rows (negative) are part of the sum, so clawbacks are deducted.
// - No payout when the sum is below the reseller's payoutMinimumCents (default $50): the
//   commissions wait for a later period.
// - A commission belongs to at most one payout: the reseller's row is locked (FOR UPDATE) for
//   the whole transaction that selects its commissions (FOR UPDATE too), creates the payout and
//   sets their payoutId where it is still null, so two concurrent runs cannot both take one.
// - Paid by Stripe Connect transfer when the reseller has a connected account and Stripe is
//   configured (idempotency key = payout id; a transfer that failed for a network reason is
//   retried by the next run); otherwise a manual payout stays pending until the operator
//   records its reference (bank transfer id…). Paying a payout marks its commissions paid.
// - A transfer Stripe refuses marks the payout failed and releases its commissions to a later
//   period.

export interface Period {
  start: Date;
  end: Date;
}

/** The calendar month (UTC) before the one `now` falls in. */
export function previousMonth(now: Date): Period {
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
  };
}

export interface PayoutRunResult {
  created: { payoutId: string; resellerId: string; totalCents: number; method: string; commissions: number }[];
  paid: string[];
  failed: string[];
}

/** Creates the period's payouts for every reseller that qualifies, then pays the Stripe ones. */
export async function runPayouts(options: { now?: Date; period?: Period } = {}): Promise<PayoutRunResult> {
  const now = options.now ?? new Date();
  const period = options.period ?? previousMonth(now);
  const candidates = await db.commission.groupBy({
    by: ['resellerId'],
    where: { status: 'approved', payoutId: null, availableAt: { lt: period.end }, reseller: { status: 'approved' } },
  });
  const result: PayoutRunResult = { created: [], paid: [], failed: [] };
  for (const { resellerId } of candidates) {
    if (!resellerId) continue;
    const payout = await createPayoutFor(resellerId, period);
    if (payout) result.created.push(payout);
  }
  // This run's Stripe payouts, and earlier ones whose transfer did not go through.
  const unpaid = await db.payout.findMany({ where: { method: 'stripe_connect', status: 'pending' }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  for (const { id } of unpaid) {
    const outcome = await payByStripe(id, now).catch((error: unknown) => {
      logger().error({ err: error, payoutId: id }, 'resellers: payout transfer not made yet; retried on the next run');
      return 'pending' as const;
    });
    if (outcome === 'paid') result.paid.push(id);
    if (outcome === 'failed') result.failed.push(id);
  }
  return result;
}

/** One reseller's payout for a period, or null (none due, below the minimum, or already made). */
export async function createPayoutFor(resellerId: string, period: Period): Promise<PayoutRunResult['created'][number] | null> {
  try {
    return await db.$transaction(async (tx) => {
      const [reseller] = await tx.$queryRaw<{ id: string; status: string; payoutMinimumCents: number; stripeConnectAccountId: string | null }[]>`
        SELECT id, status, "payoutMinimumCents", "stripeConnectAccountId" FROM "Reseller" WHERE id = ${resellerId} FOR UPDATE`;
      if (!reseller || reseller.status !== 'approved') return null;
      if (await tx.payout.findUnique({ where: { resellerId_periodStart: { resellerId, periodStart: period.start } }, select: { id: true } })) return null;
      const rows = await tx.$queryRaw<{ id: string; amountCents: number }[]>`
        SELECT id, "amountCents" FROM "Commission"
        WHERE "resellerId" = ${resellerId} AND status = 'approved' AND "payoutId" IS NULL AND "availableAt" < ${period.end}
        ORDER BY id FOR UPDATE`;
      const totalCents = rows.reduce((sum, row) => sum + row.amountCents, 0);
      if (rows.length === 0 || totalCents <= 0 || totalCents < reseller.payoutMinimumCents) return null;
      const method = reseller.stripeConnectAccountId && resellerStripeConfigured() ? 'stripe_connect' : 'manual';
      const payout = await tx.payout.create({ data: { resellerId, periodStart: period.start, periodEnd: period.end, totalCents, method, status: 'pending' }, select: { id: true } });
      const { count } = await tx.commission.updateMany({ where: { id: { in: rows.map((row) => row.id) }, payoutId: null }, data: { payoutId: payout.id } });
      if (count !== rows.length) throw new Error(`payout ${payout.id}: ${rows.length - count} commissions were taken by another payout`);
      return { payoutId: payout.id, resellerId, totalCents, method, commissions: rows.length };
    });
  } catch (error) {
    // Another run made this period's payout between our check and insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
}

async function markPaid(payoutId: string, at: Date, data: { stripeTransferId?: string; reference?: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.payout.update({ where: { id: payoutId }, data: { ...data, status: 'paid', paidAt: at } });
    await tx.commission.updateMany({ where: { payoutId }, data: { status: 'paid', paidAt: at } });
  });
}

/** Transfers a pending Stripe payout. 'pending' when Stripe is not reachable now. */
export async function payByStripe(payoutId: string, now: Date = new Date()): Promise<'paid' | 'failed' | 'pending'> {
  const payout = await db.payout.findUnique({ where: { id: payoutId }, select: { id: true, status: true, method: true, totalCents: true, periodStart: true, resellerId: true, reseller: { select: { stripeConnectAccountId: true } } } });
  if (!payout?.resellerId || !payout.reseller || payout.method !== 'stripe_connect' || payout.status !== 'pending') return 'pending';
  if (!resellerStripeConfigured() || !payout.reseller.stripeConnectAccountId) return 'pending';
  const { resellerId } = payout;
  try {
    const transferId = await createPayoutTransfer({
      payoutId: payout.id,
      resellerId,
      amountCents: payout.totalCents,
      destination: payout.reseller.stripeConnectAccountId,
      periodStart: payout.periodStart,
    });
    await markPaid(payout.id, now, { stripeTransferId: transferId });
    return 'paid';
  } catch (error) {
    if (!(error instanceof TransferDeclinedError)) throw error;
    logger().error({ err: error, payoutId: payout.id, resellerId }, 'resellers: Stripe refused the payout transfer; its commissions wait for the next period');
    await db.$transaction(async (tx) => {
      await tx.payout.update({ where: { id: payout.id }, data: { status: 'failed', reference: `Stripe: ${error.message}`.slice(0, 200) } });
      await tx.commission.updateMany({ where: { payoutId: payout.id }, data: { payoutId: null } });
    });
    return 'failed';
  }
}

/** The operator records how a manual payout was paid; its commissions become paid. */
export async function recordManualPayout(operator: OperatorActor, payoutId: string, input: unknown): Promise<{ id: string; status: string; reference: string }> {
  void operator;
  const { reference } = parseInput(payoutReferenceSchema, input);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const [payout] = await tx.$queryRaw<{ id: string; method: string; status: string }[]>`SELECT id, method, status FROM "Payout" WHERE id = ${payoutId} FOR UPDATE`;
    if (!payout) throw notFound('No such payout.');
    if (payout.method !== 'manual') throw conflict('This payout is paid by Stripe transfer; there is no reference to record.');
    if (payout.status !== 'pending') throw conflict(`This payout is already ${payout.status}.`);
    await tx.payout.update({ where: { id: payoutId }, data: { reference, status: 'paid', paidAt: now } });
    await tx.commission.updateMany({ where: { payoutId }, data: { status: 'paid', paidAt: now } });
    return { id: payoutId, status: 'paid', reference };
  });
}

export interface OperatorPayoutRow {
  id: string;
  resellerName: string;
  periodStart: Date;
  totalCents: number;
  method: string;
  status: string;
  reference: string | null;
  createdAt: Date;
}

/** Payouts for the operator: manual ones waiting for a reference first. */
export async function listPayoutsForOperator(): Promise<OperatorPayoutRow[]> {
  const rows = await db.payout.findMany({
    where: { resellerId: { not: null } },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
    select: { id: true, periodStart: true, totalCents: true, method: true, status: true, reference: true, createdAt: true, reseller: { select: { name: true } } },
  });
  return rows.map(({ reseller, ...row }) => ({ ...row, resellerName: reseller?.name ?? '' }));
}
