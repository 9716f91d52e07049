import { db, Prisma } from '../db/client.ts';
import { resellerStripeConfigured } from '../resellers/stripe-gateway.ts';
import { logger } from '../observability/logger.ts';
import { lockPayee, payeeColumn, payeeCondition, PAYEE_KINDS, type Payee, type PayeeKind } from './payee.ts';
import { payByStripe } from './pay-by-stripe.ts';
import { previousMonth, type Period } from './period.ts';

// Payouts: a payee's approved earnings, paid together once a month. The same rules for
// resellers (commissions) and partners (apps' revenue share):
//
// - The payout job runs daily (so a day the app was down is caught up the next day) and pays
//   the previous calendar month (UTC): period [first of last month, first of this month).
// - Per payable payee (approved reseller, active partner), one payout per period and currency
//   at most (unique(payee, periodStart, currency)): money is never converted, so a reseller
//   with clients billed in dollars and in euros gets a dollar payout and a euro payout, each
//   against its minimum (in that currency's minor unit). It takes every approved Commission row of the payee not yet
//   in a payout that was available before the period's end: the period's own and earlier ones
//   that did not reach the minimum then. Reversal rows (negative) are part of the sum, so
//   clawbacks are deducted.
// - No payout when the sum is below the payee's payoutMinimumCents (default $50): the rows
//   wait for a later period.
// - A row belongs to at most one payout: the payee's row is locked (FOR UPDATE) for the whole
//   transaction that selects its rows (FOR UPDATE too), creates the payout and sets their
//   payoutId where it is still null, so two concurrent runs cannot both take one.
// - Paid by Stripe Connect transfer when the payee has a connected account and Stripe is
//   configured (pay-by-stripe.ts); otherwise a manual payout stays pending until the operator
//   records its reference (manual.ts). Paying a payout marks its rows paid.

export interface CreatedPayout {
  payoutId: string;
  payee: Payee;
  /** The reseller paid, for reseller payouts (kept for callers that only know resellers). */
  resellerId: string | null;
  partnerId: string | null;
  totalCents: number;
  currency: string;
  method: string;
  commissions: number;
}

export interface PayoutRunResult {
  created: CreatedPayout[];
  paid: string[];
  failed: string[];
}

/** Payees, and the currencies, with approved rows not yet in a payout, available before `end`. */
async function candidates(kind: PayeeKind, end: Date): Promise<{ payee: Payee; currency: string }[]> {
  const column = payeeColumn(kind);
  const rows = await db.commission.groupBy({
    by: [column, 'currency'],
    where: { status: 'approved', payoutId: null, availableAt: { lt: end }, [column]: { not: null } },
  });
  return rows.map((row) => ({ payee: { kind, id: (row as Record<string, string>)[column] }, currency: row.currency }));
}

/** Creates the period's payouts for every reseller and partner that qualifies, then pays the Stripe ones. */
export async function runPayouts(options: { now?: Date; period?: Period; kinds?: readonly PayeeKind[] } = {}): Promise<PayoutRunResult> {
  const now = options.now ?? new Date();
  const period = options.period ?? previousMonth(now);
  const result: PayoutRunResult = { created: [], paid: [], failed: [] };
  for (const kind of options.kinds ?? PAYEE_KINDS) {
    for (const { payee, currency } of await candidates(kind, period.end)) {
      const payout = await createPayoutFor(payee, period, currency);
      if (payout) result.created.push(payout);
    }
  }
  // This run's Stripe payouts, and earlier ones whose transfer did not go through.
  const unpaid = await db.payout.findMany({ where: { method: 'stripe_connect', status: 'pending' }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  for (const { id } of unpaid) {
    const outcome = await payByStripe(id, now).catch((error: unknown) => {
      logger().error({ err: error, payoutId: id }, 'payouts: transfer not made yet; retried on the next run');
      return 'pending' as const;
    });
    if (outcome === 'paid') result.paid.push(id);
    if (outcome === 'failed') result.failed.push(id);
  }
  return result;
}

/** One payee's payout for a period, or null (none due, below the minimum, not payable, or already made). */
export async function createPayoutFor(payee: Payee, period: Period, currency = 'usd'): Promise<CreatedPayout | null> {
  const column = payeeColumn(payee.kind);
  try {
    return await db.$transaction(async (tx) => {
      const terms = await lockPayee(tx, payee);
      if (!terms?.payable) return null;
      if (await tx.payout.findFirst({ where: { [column]: payee.id, periodStart: period.start, currency }, select: { id: true } })) return null;
      const rows = await tx.$queryRaw<{ id: string; amountCents: number }[]>`
        SELECT id, "amountCents" FROM "Commission"
        WHERE ${payeeCondition(payee)} AND currency = ${currency} AND status = 'approved' AND "payoutId" IS NULL AND "availableAt" < ${period.end}
        ORDER BY id FOR UPDATE`;
      const totalCents = rows.reduce((sum, row) => sum + row.amountCents, 0);
      if (rows.length === 0 || totalCents <= 0 || totalCents < terms.payoutMinimumCents) return null;
      const method = terms.stripeConnectAccountId && resellerStripeConfigured() ? 'stripe_connect' : 'manual';
      const payout = await tx.payout.create({ data: { [column]: payee.id, periodStart: period.start, periodEnd: period.end, totalCents, currency, method, status: 'pending' }, select: { id: true } });
      const { count } = await tx.commission.updateMany({ where: { id: { in: rows.map((row) => row.id) }, payoutId: null }, data: { payoutId: payout.id } });
      if (count !== rows.length) throw new Error(`payout ${payout.id}: ${rows.length - count} commissions were taken by another payout`);
      return {
        payoutId: payout.id,
        payee,
        resellerId: payee.kind === 'reseller' ? payee.id : null,
        partnerId: payee.kind === 'partner' ? payee.id : null,
        totalCents,
        currency,
        method,
        commissions: rows.length,
      };
    });
  } catch (error) {
    // Another run made this period's payout between our check and insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
}
