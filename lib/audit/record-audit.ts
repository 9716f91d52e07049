import type { Prisma } from '../db/generated/client.ts';

/** Any client or transaction, plain or tenant-scoped, that can write audit entries. */
export interface AuditWriter {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> };
}

export interface AuditActor {
  id: string;
  email: string;
}

export interface AuditEntry {
  tenantId: string;
  actor: AuditActor | null;
  /** dotted, past tense: tenant.created, member.role_changed, domain.verified */
  action: string;
  target?: { type: string; id: string };
  ip?: string | null;
  metadata?: Prisma.InputJsonObject;
}

/**
 * Records one admin action. Pass the transaction that makes the change, so the entry exists
 * if and only if the change does.
 */
export async function recordAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ip: entry.ip ?? null,
      metadata: entry.metadata ?? {},
    },
  });
}
