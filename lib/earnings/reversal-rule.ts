import { proportionalReversal } from '../resellers/commission-cascade.ts';

// What one refund takes back from one credited row (a reseller's commission or a partner's
// revenue share: the same rule for both). Pure: integer cents, no database.
//
// - The total taken back from a row after a refund is floor(amount × refunded / sale), where
//   "refunded" is every refund of the invoice so far, this one included, and "sale" is the
//   invoice's amount_paid: each payee loses the same proportion of what it earned as the
//   customer got back of what they paid.
// - Once refunds reach the sale, the whole amount is taken back.
// - A row not yet paid (nor in a payout) that is refunded in full is "reversed" as a whole:
//   nothing was paid, so nothing is clawed back from a later payout.
// - Never more than the row earned: the take is what the new total adds to what was taken before.

export interface CreditedRow {
  /** What the row credited (≥ 0). */
  amountCents: number;
  /** The invoice's amount_paid. */
  saleCents: number;
  /** Pending or approved, and in no payout. */
  unpaid: boolean;
}

export interface RefundHistory {
  /** Refunds of the invoice applied to this row before, in invoice cents. */
  refundedBeforeCents: number;
  /** What they took back from it (≥ 0). */
  takenBeforeCents: number;
}

export interface ReversalStep {
  /** 'full': the row and its earlier reversals become "reversed"; 'partial': one more reversal line. */
  kind: 'full' | 'partial';
  /** Cents taken back by this refund (≥ 0; the reversal line's amount is its negative). */
  takeCents: number;
}

export function nextReversal(row: CreditedRow, history: RefundHistory, refundCents: number): ReversalStep {
  const refunded = history.refundedBeforeCents + refundCents;
  if (refunded >= row.saleCents && row.unpaid) return { kind: 'full', takeCents: row.amountCents - history.takenBeforeCents };
  const totalTaken = proportionalReversal(row.amountCents, row.saleCents, Math.min(refunded, row.saleCents));
  return { kind: 'partial', takeCents: Math.max(0, totalTaken - history.takenBeforeCents) };
}
