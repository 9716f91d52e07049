import { csvField } from '../audit/audit-query.ts';
import { db, dbRead } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';

// The operator's view of the platform audit log (/operator/audit): newest first, filtered by
// action (a prefix such as "partner." or a whole action), target type, target id, or actor
// address, in pages of 50. Filters come from the URL, so anything unexpected is ignored.

export const PLATFORM_AUDIT_PAGE_SIZE = 50;

export interface PlatformAuditQuery {
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  actor: string | null;
  page: number;
}

const text = (value: unknown, max = 120): string | null => {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  const trimmed = first.trim();
  return trimmed && trimmed.length <= max && !trimmed.includes('\0') ? trimmed : null;
};

export function parsePlatformAuditQuery(raw: Record<string, string | string[] | undefined>): PlatformAuditQuery {
  const page = Number(text(raw.page, 6) ?? '1');
  return {
    action: text(raw.action, 80),
    targetType: text(raw.targetType, 40),
    targetId: text(raw.targetId, 100),
    actor: text(raw.actor, 254)?.toLowerCase() ?? null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export interface PlatformAuditRow {
  id: string;
  createdAt: Date;
  action: string;
  actorEmail: string | null;
  targetType: string;
  targetId: string;
  reason: string | null;
  ip: string | null;
  metadata: Prisma.JsonValue;
}

function whereOf(query: PlatformAuditQuery): Prisma.PlatformAuditLogWhereInput {
  const where: Prisma.PlatformAuditLogWhereInput = {};
  if (query.action) where.action = query.action.endsWith('.') ? { startsWith: query.action } : query.action;
  if (query.targetType) where.targetType = query.targetType;
  if (query.targetId) where.targetId = query.targetId;
  if (query.actor) where.actorEmail = { contains: query.actor, mode: 'insensitive' };
  return where;
}

export async function listPlatformAudit(query: PlatformAuditQuery): Promise<{ rows: PlatformAuditRow[]; total: number; page: number; pageCount: number; pageSize: number; targetTypes: string[] }> {
  const where = whereOf(query);
  const [total, rows, types] = await Promise.all([
    db.platformAuditLog.count({ where }),
    db.platformAuditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * PLATFORM_AUDIT_PAGE_SIZE,
      take: PLATFORM_AUDIT_PAGE_SIZE,
      select: { id: true, createdAt: true, action: true, actorEmail: true, targetType: true, targetId: true, reason: true, ip: true, metadata: true },
    }),
    db.platformAuditLog.findMany({ distinct: ['targetType'], select: { targetType: true }, orderBy: { targetType: 'asc' }, take: 50 }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PLATFORM_AUDIT_PAGE_SIZE));
  return { rows, total, page: query.page, pageCount, pageSize: PLATFORM_AUDIT_PAGE_SIZE, targetTypes: types.map((t) => t.targetType) };
}

const EXPORT_LIMIT = 50_000;
const SELECT = { id: true, createdAt: true, action: true, actorEmail: true, targetType: true, targetId: true, reason: true, ip: true, metadata: true } as const;

/** Every entry that matches (up to 50,000, newest first), in batches, for the CSV export (from the read replica, if any). */
export async function* platformAuditForExport(query: PlatformAuditQuery): AsyncGenerator<PlatformAuditRow> {
  const where = whereOf(query);
  let cursor: string | undefined;
  for (let fetched = 0; fetched < EXPORT_LIMIT; ) {
    const rows = await dbRead.platformAuditLog.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 500, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), select: SELECT });
    yield* rows;
    fetched += rows.length;
    if (rows.length < 500) return;
    cursor = rows.at(-1)!.id;
  }
}

export const PLATFORM_AUDIT_CSV_HEADER = ['time', 'actor', 'action', 'target_type', 'target_id', 'reason', 'ip', 'metadata'];

export function platformAuditCsvLine(row: PlatformAuditRow): string {
  return [row.createdAt.toISOString(), row.actorEmail, row.action, row.targetType, row.targetId, row.reason, row.ip, row.metadata].map(csvField).join(',') + '\r\n';
}
