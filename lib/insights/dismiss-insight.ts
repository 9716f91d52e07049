import { tenantDb } from '../db/tenant-db.ts';
import { notFound } from '../http/problem.ts';
import { findVisibleInsight, type InsightReader } from './list-insights.ts';

// Dismissing hides an insight from the member who dismissed it; a team's insight stays for
// the rest of the team. Dismissing twice is harmless.

/** Hides the insight from the member; 404 for one they cannot see (another member's, another team's). */
export async function dismissInsight(tenant: { id: string }, member: InsightReader, insightId: string): Promise<void> {
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const insight = await findVisibleInsight(tx, member, insightId);
    if (!insight) throw notFound('No such insight.');
    await tx.insightDismissal.upsert({
      where: { insightId_userId: { insightId: insight.id, userId: member.userId } },
      create: { insightId: insight.id, userId: member.userId, tenantId: tenant.id },
      update: {},
    });
  });
}
