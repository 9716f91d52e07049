import { randomBytes } from 'node:crypto';
import type { Prisma } from '../db/generated/client.ts';
import type { TenantTx } from '../db/tenant-db.ts';
import { emitEvent } from '../events/domain-events.ts';
import type { InsightDraft, InsightKind } from './insight-types.ts';

// Stores what a run of the rules found for one member or one team. Insights are keyed by kind,
// subject and period: a new key is a new insight (and one ai.insight_generated event, in the
// same transaction); a key seen before only gets fresh numbers, and sends nothing. What the
// run looked for and no longer finds (a streak logged since, a goal back on pace) expires now;
// found again within its period, it comes back under its key, still without a second event.

export function newInsightId(): string {
  return `isg_${randomBytes(12).toString('base64url')}`;
}

export type InsightScope = { userId: string } | { teamId: string };

export interface SaveResult {
  created: number;
  updated: number;
  expired: number;
}

export async function saveInsights(tx: TenantTx, tenantId: string, scope: InsightScope, kinds: readonly InsightKind[], drafts: readonly InsightDraft[], now: Date): Promise<SaveResult> {
  const rows = drafts.map((draft) => ({ id: newInsightId(), tenantId, ...draft, data: draft.data as unknown as Prisma.InputJsonObject }));
  // skipDuplicates: a key already stored (or stored by a run racing this one) is not created twice.
  const created = rows.length ? await tx.insight.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, key: true } }) : [];
  const createdKeys = new Set(created.map((row) => row.key));

  for (const row of rows) {
    if (createdKeys.has(row.key)) {
      await emitEvent(tx, tenantId, 'ai.insight_generated', {
        insightId: row.id,
        kind: row.kind,
        userId: row.userId,
        teamId: row.teamId,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        data: row.data,
        expiresAt: row.expiresAt.toISOString(),
      });
    } else {
      await tx.insight.update({ where: { tenantId_key: { tenantId, key: row.key } }, data: { userId: row.userId, teamId: row.teamId, data: row.data, expiresAt: row.expiresAt } });
    }
  }

  const owner = 'userId' in scope ? { userId: scope.userId, teamId: null } : { teamId: scope.teamId };
  const { count: expired } = await tx.insight.updateMany({
    where: { ...owner, kind: { in: [...kinds] }, expiresAt: { gt: now }, key: { notIn: rows.map((row) => row.key) } },
    data: { expiresAt: now },
  });
  return { created: created.length, updated: rows.length - created.length, expired };
}
