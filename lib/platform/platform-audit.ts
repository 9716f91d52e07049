import type { Prisma } from '../db/generated/client.ts';

/** Any client or transaction that can write platform audit entries. */
export interface PlatformAuditWriter {
  platformAuditLog: { create(args: { data: Prisma.PlatformAuditLogUncheckedCreateInput }): PromiseLike<unknown> };
}

export interface PlatformAuditEntry {
  /** Who did it: an operator or a partner's user; null for the platform itself (a job). */
  actor: { id: string; email: string } | null;
  /** dotted, past tense: partner.approved, app_version.submitted, app.removed */
  action: string;
  target: { type: string; id: string };
  /** Why, when the action needs one (a rejection, a change request, a removal). */
  reason?: string | null;
  ip?: string | null;
  metadata?: Prisma.InputJsonObject;
}

/**
 * Records one action of the platform's people (operators, partners), beside the workspaces'
 * own audit log (lib/audit). Pass the transaction that makes the change.
 */
export async function recordPlatformAudit(tx: PlatformAuditWriter, entry: PlatformAuditEntry): Promise<void> {
  await tx.platformAuditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      reason: entry.reason ?? null,
      ip: entry.ip ?? null,
      metadata: entry.metadata ?? {},
    },
  });
}
