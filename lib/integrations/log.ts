import { db, type Prisma } from '../db/client.ts';

// What an integration did, for its page: syncs, conflicts, refresh failures, notifications.
// Kept short (the newest entries per connection matter); a retention job can prune later.

export type LogLevel = 'info' | 'warning' | 'error';
export type LogKind = 'sync' | 'conflict' | 'refresh' | 'needs_attention' | 'notification' | 'command' | 'connection';

export interface LogInput {
  tenantId: string;
  installationId: string;
  connectionId?: string | null;
  level: LogLevel;
  kind: LogKind;
  message: string;
  detail?: Record<string, unknown>;
}

export async function logIntegration(entry: LogInput): Promise<void> {
  await db.integrationLogEntry.create({
    data: {
      tenantId: entry.tenantId,
      installationId: entry.installationId,
      connectionId: entry.connectionId ?? null,
      level: entry.level,
      kind: entry.kind,
      message: entry.message.slice(0, 1000),
      detail: (entry.detail ?? undefined) as Prisma.InputJsonObject | undefined,
    },
  });
}

export interface LogRow {
  id: string;
  level: LogLevel;
  kind: LogKind;
  message: string;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

/** The newest entries of an installation (or of one connection in it), newest first. */
export async function recentLog(tenantId: string, installationId: string, options: { connectionId?: string | null; limit?: number } = {}): Promise<LogRow[]> {
  const rows = await db.integrationLogEntry.findMany({
    where: { tenantId, installationId, ...(options.connectionId !== undefined ? { connectionId: options.connectionId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(options.limit ?? 20, 100),
  });
  return rows.map((row) => ({
    id: row.id,
    level: row.level as LogLevel,
    kind: row.kind as LogKind,
    message: row.message,
    detail: (row.detail as Record<string, unknown> | null) ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}
