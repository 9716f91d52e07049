import { z } from 'zod';
import { tenantDb, tenantDbRead, type TenantDb } from '../db/tenant-db.ts';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31.')
  .optional()
  .or(z.literal('').transform(() => undefined));

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  from: date,
  to: date,
  cursor: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditRow {
  id: string;
  createdAt: string;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  metadata: unknown;
}

function whereFor(query: AuditQuery) {
  const createdAt: { gte?: Date; lt?: Date } = {};
  if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) createdAt.lt = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000);
  return {
    ...(query.actor ? { actorEmail: { contains: query.actor, mode: 'insensitive' as const } } : {}),
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
  };
}

/**
 * Newest first, a page at a time after the entry whose id is the cursor (none: an entry of
 * another workspace, or deleted). The page is found by that entry's (createdAt, id), so a deep
 * page reads its own rows from the (tenantId, createdAt) index: Prisma's cursor option filtered
 * out every entry before it instead, which made the export of a long history quadratic (npm run
 * bench:scale: 15 ms a page 49,000 entries in, 0.2 ms now).
 */
export async function queryAudit(tenantId: string, query: AuditQuery, scoped: TenantDb = tenantDb(tenantId)): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const after = query.cursor ? await scoped.auditLog.findFirst({ where: { id: query.cursor }, select: { id: true, createdAt: true } }) : null;
  if (query.cursor && !after) return { rows: [], nextCursor: null };
  const keyset = after ? [{ createdAt: { lte: after.createdAt }, OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] }] : [];
  const rows = await scoped.auditLog.findMany({
    where: { AND: [whereFor(query), ...keyset] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    rows: page.map((row) => ({ id: row.id, createdAt: row.createdAt.toISOString(), actorEmail: row.actorEmail, action: row.action, targetType: row.targetType, targetId: row.targetId, ip: row.ip, metadata: row.metadata })),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}

/** The distinct actions this tenant has recorded (at most 200), for the action filter's suggestions. */
export async function auditActions(tenantId: string): Promise<string[]> {
  const groups = await tenantDb(tenantId).auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' }, take: 200 });
  return groups.map((group) => group.action);
}

/** All matching entries (up to 50,000), for export: from the read replica, if any. */
export async function* auditRowsForExport(tenantId: string, query: AuditQuery): AsyncGenerator<AuditRow> {
  const replica = tenantDbRead(tenantId);
  let cursor: string | undefined;
  for (let fetched = 0; fetched < 50_000; ) {
    const { rows, nextCursor } = await queryAudit(tenantId, { ...query, cursor, limit: 200 }, replica);
    yield* rows;
    fetched += rows.length;
    if (!nextCursor) return;
    cursor = nextCursor;
  }
}

/** One CSV field; cells that spreadsheets would run as formulas are defused with a quote. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const AUDIT_CSV_HEADER = ['time', 'actor', 'action', 'target_type', 'target_id', 'ip', 'metadata'];

export function auditCsvLine(row: AuditRow): string {
  return [row.createdAt, row.actorEmail, row.action, row.targetType, row.targetId, row.ip, row.metadata].map(csvField).join(',') + '\r\n';
}
