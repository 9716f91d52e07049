import { db } from '../db/client.ts';
import type { Commission, CommissionStatus } from '../db/generated/client.ts';
import { lockInvoice } from './invoice-lock.ts';
import { nextReversal } from './reversal-rule.ts';

// Reversing a refunded or credited invoice's earnings: every payee of the invoice (each
// reseller of the cascade, each partner and app) by the same rule (reversal-rule.ts).
//
// - Each refund id is applied once (the invoice's advisory lock, then its rows are looked for).
// - A full refund of a row that is not paid and not in a payout marks that row (and its
//   earlier partial reversals) "reversed": nothing was paid, nothing to claw back. The rest of
//   it is still written as a reversal row (status "reversed" too), so the sale's lines visibly
//   net to zero on dashboards and statements.
// - Otherwise a reversal row (kind "reversal", negative amount, saleCents = −refund) is written:
//     · for a row not yet paid out: same status and availableAt as it, so both land in the
//       same payout and it pays the net;
//     · for a row paid (or already in a payout): approved and available at once, so the next
//       payout deducts it (a payout is made only when the net reaches the minimum).
//   It is written even when it takes 0 cents: it records the refunded amount for the next
//   refund's proportion.
// - A refund of an invoice with no earnings (not credited, nobody to pay) changes nothing.

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
  /** Rows marked reversed as a whole (fully refunded before being paid). */
  reversedCommissions: number;
  /** Cents taken back in total, over every payee. */
  reversedCents: number;
}

const UNPAID: CommissionStatus[] = ['pending', 'approved'];

type Payee = Pick<Commission, 'resellerId' | 'partnerId' | 'appId'>;

/** One key per payee of an invoice: a reseller, or a partner for one app. */
export function payeeKey(row: Payee): string {
  return row.resellerId ? `reseller:${row.resellerId}` : `partner:${row.partnerId}:${row.appId}`;
}

/** The Prisma filter for a payee's rows. */
function payeeWhere(row: Payee) {
  return row.resellerId ? { resellerId: row.resellerId } : { partnerId: row.partnerId, appId: row.appId, resellerId: null };
}

/** Reverses the earnings of a refunded or credited invoice (rules at the top of this file). */
export async function reverseCommissionsForRefund(input: ReversalInput): Promise<ReversalResult> {
  const { invoiceId, refundId, amountCents } = input;
  const at = input.at ?? new Date();
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`amountCents must be a non-negative integer, got ${amountCents}`);
  const result: ReversalResult = { reversalRows: 0, reversedCommissions: 0, reversedCents: 0 };
  if (amountCents === 0) return result;

  return db.$transaction(async (tx) => {
    await lockInvoice(tx, invoiceId);
    const sales = await tx.commission.findMany({ where: { invoiceId, kind: 'sale' }, orderBy: [{ level: 'asc' }, { id: 'asc' }] });
    if (sales.length === 0) return result;
    if (await tx.commission.count({ where: { invoiceId, sourceId: refundId } })) return result;
    const reversals = await tx.commission.findMany({ where: { invoiceId, kind: 'reversal' } });

    for (const sale of sales) {
      if (sale.status === 'reversed') continue;
      const prior = reversals.filter((row) => payeeKey(row) === payeeKey(sale));
      const unpaid = UNPAID.includes(sale.status) && sale.payoutId === null;
      const step = nextReversal(
        { amountCents: sale.amountCents, saleCents: sale.saleCents, unpaid },
        {
          refundedBeforeCents: prior.reduce((sum, row) => sum - row.saleCents, 0),
          takenBeforeCents: prior.filter((row) => row.status !== 'reversed').reduce((sum, row) => sum - row.amountCents, 0),
        },
        amountCents,
      );
      const line = {
        resellerId: sale.resellerId,
        partnerId: sale.partnerId,
        appId: sale.appId,
        tenantId: sale.tenantId,
        sourceId: refundId,
        invoiceId,
        kind: 'reversal',
        planId: sale.planId,
        saleCents: -amountCents,
        baseCents: sale.baseCents,
        rateBps: sale.rateBps,
        amountCents: -step.takeCents,
        currency: sale.currency,
        level: sale.level,
        createdAt: at,
      };

      if (step.kind === 'full') {
        await tx.commission.update({ where: { id: sale.id }, data: { status: 'reversed', reversedAt: at } });
        await tx.commission.updateMany({
          where: { invoiceId, ...payeeWhere(sale), kind: 'reversal', payoutId: null, status: { in: UNPAID } },
          data: { status: 'reversed', reversedAt: at },
        });
        await tx.commission.create({ data: { ...line, status: 'reversed', availableAt: sale.availableAt, reversedAt: at } });
        result.reversedCommissions += 1;
      } else {
        await tx.commission.create({
          data: {
            ...line,
            ...(unpaid ? { status: sale.status, availableAt: sale.availableAt, approvedAt: sale.approvedAt } : { status: 'approved' as const, availableAt: at, approvedAt: at }),
          },
        });
      }
      result.reversalRows += 1;
      result.reversedCents += step.takeCents;
    }
    return result;
  });
}
