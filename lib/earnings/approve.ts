import { db } from '../db/client.ts';

/**
 * Moves earnings whose holding period has ended from pending to approved: resellers'
 * commissions and partners' revenue share alike (both are Commission rows). Idempotent.
 */
export async function approveDueCommissions(now: Date = new Date()): Promise<{ approved: number }> {
  const { count } = await db.commission.updateMany({ where: { status: 'pending', availableAt: { lte: now } }, data: { status: 'approved', approvedAt: now } });
  return { approved: count };
}
