import { db } from '../db/client.ts';
import { conflict, notFound, parseInput } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { payoutReferenceSchema } from '../resellers/reseller-schema.ts';

/** The operator records how a manual payout (a reseller's or a partner's) was paid; it and its rows become paid. */
export async function recordManualPayout(operator: OperatorActor, payoutId: string, input: unknown): Promise<{ id: string; status: string; reference: string }> {
  const { reference } = parseInput(payoutReferenceSchema, input);
  const now = new Date();
  return db.$transaction(async (tx) => {
    // Locked, so two operators recording at once cannot both pay it.
    const [payout] = await tx.$queryRaw<{ id: string; method: string; status: string; totalCents: number; resellerId: string | null; partnerId: string | null }[]>`
      SELECT id, method, status, "totalCents", "resellerId", "partnerId" FROM "Payout" WHERE id = ${payoutId} FOR UPDATE`;
    if (!payout) throw notFound('No such payout.');
    if (payout.method !== 'manual') throw conflict('This payout is paid by Stripe transfer; there is no reference to record.');
    if (payout.status !== 'pending') throw conflict(`This payout is already ${payout.status}.`);
    await tx.payout.update({ where: { id: payoutId }, data: { reference, status: 'paid', paidAt: now } });
    await tx.commission.updateMany({ where: { payoutId }, data: { status: 'paid', paidAt: now } });
    await recordPlatformAudit(tx, {
      actor: { id: operator.userId, email: operator.email },
      action: 'payout.recorded',
      target: { type: 'payout', id: payoutId },
      metadata: { reference, totalCents: payout.totalCents, resellerId: payout.resellerId, partnerId: payout.partnerId },
    });
    return { id: payoutId, status: 'paid', reference };
  });
}
