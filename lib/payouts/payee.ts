import { Prisma } from '../db/client.ts';
import type { Tx } from '../earnings/invoice-lock.ts';

// Who a payout pays: a reseller (its commissions) or a partner (its apps' revenue share). Both
// earn Commission rows and are paid Payout rows; the only differences are the column that
// names them and the status that lets them be paid. Everything else in lib/payouts is shared.

export type PayeeKind = 'reseller' | 'partner';
export const PAYEE_KINDS: readonly PayeeKind[] = ['reseller', 'partner'];

export interface Payee {
  kind: PayeeKind;
  id: string;
}

/** A payee's payout terms, read under its row lock. */
export interface PayeeTerms {
  payable: boolean;
  payoutMinimumCents: number;
  stripeConnectAccountId: string | null;
}

/** The Commission and Payout column naming the payee. */
export function payeeColumn(kind: PayeeKind): 'resellerId' | 'partnerId' {
  return kind === 'reseller' ? 'resellerId' : 'partnerId';
}

/** Prisma's filter for a payee's Commission or Payout rows. */
export function payeeFilter(payee: Payee): { resellerId: string } | { partnerId: string } {
  return payee.kind === 'reseller' ? { resellerId: payee.id } : { partnerId: payee.id };
}

/** The payee of a Commission or Payout row. */
export function payeeOf(row: { resellerId: string | null; partnerId: string | null }): Payee | null {
  if (row.resellerId) return { kind: 'reseller', id: row.resellerId };
  if (row.partnerId) return { kind: 'partner', id: row.partnerId };
  return null;
}

/**
 * Locks the payee's row for the transaction (FOR UPDATE) and reads its terms: every payout of
 * one payee is made under this lock, so two runs never take the same commissions. A reseller
 * is paid when approved; a partner when active (a suspended one's earnings wait).
 */
export async function lockPayee(tx: Tx, payee: Payee): Promise<PayeeTerms | null> {
  const rows =
    payee.kind === 'reseller'
      ? await tx.$queryRaw<{ status: string; payoutMinimumCents: number; stripeConnectAccountId: string | null }[]>`
          SELECT status::text, "payoutMinimumCents", "stripeConnectAccountId" FROM "Reseller" WHERE id = ${payee.id} FOR UPDATE`
      : await tx.$queryRaw<{ status: string; payoutMinimumCents: number; stripeConnectAccountId: string | null }[]>`
          SELECT status::text, "payoutMinimumCents", "stripeConnectAccountId" FROM "Partner" WHERE id = ${payee.id} FOR UPDATE`;
  const [row] = rows;
  if (!row) return null;
  return { payable: row.status === (payee.kind === 'reseller' ? 'approved' : 'active'), payoutMinimumCents: row.payoutMinimumCents, stripeConnectAccountId: row.stripeConnectAccountId };
}

/** SQL for "the Commission row is this payee's" (the column is one of two constants, never input). */
export function payeeCondition(payee: Payee): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`"${payeeColumn(payee.kind)}"`)} = ${payee.id}`;
}
