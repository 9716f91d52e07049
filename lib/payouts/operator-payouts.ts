import { db } from '../db/client.ts';
import type { PayeeKind } from './payee.ts';

export interface OperatorPayoutRow {
  id: string;
  payee: { kind: PayeeKind; name: string };
  periodStart: Date;
  totalCents: number;
  /** ISO 4217, lower case: the currency of totalCents. */
  currency: string;
  method: string;
  status: string;
  reference: string | null;
  createdAt: Date;
}

/** Payouts of resellers and partners for the operator: pending ones first, newest first. */
export async function listPayoutsForOperator(options: { kind?: PayeeKind } = {}): Promise<OperatorPayoutRow[]> {
  const where = options.kind === 'reseller' ? { resellerId: { not: null } } : options.kind === 'partner' ? { partnerId: { not: null } } : {};
  const rows = await db.payout.findMany({
    where,
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
    select: { id: true, periodStart: true, totalCents: true, currency: true, method: true, status: true, reference: true, createdAt: true, reseller: { select: { name: true } }, partner: { select: { name: true } } },
  });
  return rows.map(({ reseller, partner, ...row }) => ({ ...row, payee: { kind: reseller ? ('reseller' as const) : ('partner' as const), name: reseller?.name ?? partner?.name ?? '' } }));
}
