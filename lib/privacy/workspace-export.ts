import { recordAudit } from '../audit/record-audit.ts';
import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import { AppError, notFound, tooManyRequests } from '../http/problem.ts';
import { enqueue } from '../jobs/queue.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { KEEP_MS, MAX_PER_DAY, type ExportView } from './export.ts';

// An owner exports the whole workspace (Settings › Data): the same job as a member's own export
// builds the ZIP (a DataExport without a userId: lib/privacy/export.ts), the owner who asked is
// emailed, and any owner of the workspace can download it for 7 days. The route checks the
// owner role ('workspace.export'); asking and downloading are in the workspace's audit log.

function toView(row: { id: string; status: ExportView['status']; size: number | null; createdAt: Date; expiresAt: Date }): ExportView {
  return { id: row.id, status: row.status, size: row.size, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), downloadUrl: row.status === 'ready' ? `/api/app/settings/exports/${row.id}` : null };
}

const VIEW = { id: true, status: true, size: true, createdAt: true, expiresAt: true } as const;

export async function requestWorkspaceExport(tenant: TenantContext, member: Member, ip: string | null = null, now = new Date()): Promise<ExportView> {
  if (member.impersonation) throw new AppError(403, 'impersonation_forbidden', 'Support cannot export the workspace’s data.');
  const recent = await db.dataExport.count({ where: { tenantId: tenant.id, userId: null, createdAt: { gte: new Date(now.getTime() - 86_400_000) } } });
  if (recent >= MAX_PER_DAY) throw tooManyRequests(`This workspace was exported ${MAX_PER_DAY} times today: try again tomorrow.`, 3600);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.dataExport.create({ data: { tenantId: tenant.id, userId: null, requestedById: member.userId, expiresAt: new Date(now.getTime() + KEEP_MS) }, select: VIEW });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'workspace.data_exported', target: { type: 'data_export', id: created.id }, ip });
    return created;
  });
  await enqueue('privacy.export', { exportId: row.id }, { singletonKey: row.id });
  return toView(row);
}

/** The workspace's exports of the last 7 days. */
export async function listWorkspaceExports(tenant: TenantContext, now = new Date()): Promise<ExportView[]> {
  const rows = await db.dataExport.findMany({ where: { tenantId: tenant.id, userId: null, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' }, take: 10, select: VIEW });
  return rows.map(toView);
}

/** The ZIP, for an owner of this workspace (the route checks the role), while it is kept. */
export async function downloadWorkspaceExport(tenant: TenantContext, member: Member, id: string, ip: string | null = null, now = new Date()): Promise<{ bytes: Uint8Array; filename: string }> {
  if (member.impersonation) throw new AppError(403, 'impersonation_forbidden', 'Support cannot download the workspace’s data.');
  const row = await db.dataExport.findFirst({ where: { id, tenantId: tenant.id, userId: null, status: 'ready', expiresAt: { gt: now } }, select: { data: true, createdAt: true } });
  if (!row?.data) throw notFound('No such export (exports are kept for 7 days).');
  await recordAudit(db, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'workspace.data_export_downloaded', target: { type: 'data_export', id }, ip });
  return { bytes: row.data, filename: `${tenant.slug}-workspace-${row.createdAt.toISOString().slice(0, 10)}.zip` };
}
