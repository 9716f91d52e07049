import { db } from '../db/client.ts';
import { createPayoutTransfer, resellerStripeConfigured, TransferDeclinedError } from '../resellers/stripe-gateway.ts';
import { logger } from '../observability/logger.ts';
import { payeeOf } from './payee.ts';

// Paying a payout by Stripe Connect transfer (idempotency key = payout id, so a retried run
// never transfers twice). A transfer Stripe refuses marks the payout failed and releases its
// rows to a later period; a network or server error leaves it pending for the next run.

/** Marks a payout and its rows paid. */
export async function markPayoutPaid(payoutId: string, at: Date, data: { stripeTransferId?: string; reference?: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.payout.update({ where: { id: payoutId }, data: { ...data, status: 'paid', paidAt: at } });
    await tx.commission.updateMany({ where: { payoutId }, data: { status: 'paid', paidAt: at } });
  });
}

/** Transfers a pending Stripe payout. 'pending' when Stripe is not reachable (or not set up) now. */
export async function payByStripe(payoutId: string, now: Date = new Date()): Promise<'paid' | 'failed' | 'pending'> {
  const payout = await db.payout.findUnique({
    where: { id: payoutId },
    select: {
      id: true,
      status: true,
      method: true,
      totalCents: true,
      currency: true,
      periodStart: true,
      resellerId: true,
      partnerId: true,
      reseller: { select: { stripeConnectAccountId: true } },
      partner: { select: { stripeConnectAccountId: true } },
    },
  });
  const payee = payout ? payeeOf(payout) : null;
  if (!payout || !payee || payout.method !== 'stripe_connect' || payout.status !== 'pending') return 'pending';
  const destination = (payee.kind === 'reseller' ? payout.reseller : payout.partner)?.stripeConnectAccountId;
  if (!resellerStripeConfigured() || !destination) return 'pending';
  try {
    const transferId = await createPayoutTransfer({ payoutId: payout.id, payee, amountCents: payout.totalCents, currency: payout.currency, destination, periodStart: payout.periodStart });
    await markPayoutPaid(payout.id, now, { stripeTransferId: transferId });
    return 'paid';
  } catch (error) {
    if (!(error instanceof TransferDeclinedError)) throw error;
    logger().error({ err: error, payoutId: payout.id, payee }, 'payouts: Stripe refused the transfer; its commissions wait for the next period');
    await db.$transaction(async (tx) => {
      await tx.payout.update({ where: { id: payout.id }, data: { status: 'failed', reference: `Stripe: ${error.message}`.slice(0, 200) } });
      await tx.commission.updateMany({ where: { payoutId: payout.id }, data: { payoutId: null } });
    });
    return 'failed';
  }
}
