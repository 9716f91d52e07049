import type { Prisma } from '../db/client.ts';

// Every write of an invoice's earnings (credit, each refund) holds this transaction-scoped
// advisory lock, so a replayed invoice.paid and a refund racing it see each other's rows.

export type Tx = Prisma.TransactionClient;

export function lockInvoice(tx: Tx, invoiceId: string) {
  return tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`commission:${invoiceId}`}))`;
}
