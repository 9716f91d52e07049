import { strToU8, zipSync } from 'fflate';
import type { Member } from '../auth/session.ts';
import { tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { AppError, notFound, tooManyRequests } from '../http/problem.ts';
import { enqueue } from '../jobs/queue.ts';
import { csvField } from '../audit/audit-query.ts';
import { logger } from '../observability/logger.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { EXPORT_SECTIONS, exportable } from './export-sections.ts';

// A member downloads everything this workspace holds about them (GDPR access and portability):
// they ask, a job builds a ZIP with one JSON and one CSV file per section, and an email tells
// them it is ready. Only they can download it, for 7 days.

const KEEP_MS = 7 * 86_400_000;
const MAX_PER_DAY = 3;

export interface ExportView {
  id: string;
  status: 'pending' | 'ready' | 'failed';
  size: number | null;
  createdAt: string;
  expiresAt: string;
  downloadUrl: string | null;
}

function toView(row: { id: string; status: ExportView['status']; size: number | null; createdAt: Date; expiresAt: Date }): ExportView {
  return { id: row.id, status: row.status, size: row.size, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), downloadUrl: row.status === 'ready' ? `/api/app/account/exports/${row.id}` : null };
}

export async function requestExport(tenant: TenantContext, member: Member, now = new Date()): Promise<ExportView> {
  if (member.impersonation) throw new AppError(403, 'impersonation_forbidden', 'Support cannot export a member’s data.');
  const recent = await db.dataExport.count({ where: { tenantId: tenant.id, userId: member.userId, createdAt: { gte: new Date(now.getTime() - 86_400_000) } } });
  if (recent >= MAX_PER_DAY) throw tooManyRequests(`You asked for ${MAX_PER_DAY} exports today: try again tomorrow.`, 3600);
  const row = await db.dataExport.create({ data: { tenantId: tenant.id, userId: member.userId, requestedById: member.userId, expiresAt: new Date(now.getTime() + KEEP_MS) } });
  await enqueue('privacy.export', { exportId: row.id }, { singletonKey: row.id });
  return toView(row);
}

export async function listExports(tenant: TenantContext, member: Member, now = new Date()): Promise<ExportView[]> {
  const rows = await db.dataExport.findMany({ where: { tenantId: tenant.id, userId: member.userId, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' }, take: 10, select: { id: true, status: true, size: true, createdAt: true, expiresAt: true } });
  return rows.map(toView);
}

/** The ZIP, for its owner only, while it is kept. */
export async function downloadExport(tenant: TenantContext, member: Member, id: string, now = new Date()): Promise<{ bytes: Uint8Array; filename: string }> {
  const row = await db.dataExport.findFirst({ where: { id, tenantId: tenant.id, userId: member.userId, status: 'ready', expiresAt: { gt: now } }, select: { data: true, createdAt: true } });
  if (!row?.data) throw notFound('No such export (exports are kept for 7 days).');
  return { bytes: row.data, filename: `${tenant.slug}-my-data-${row.createdAt.toISOString().slice(0, 10)}.zip` };
}

/** One CSV file of a section: a column per field seen in any row (nested values as JSON), formulas defused. */
export function toCsv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [columns.map(csvField).join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))].join('\r\n') + '\r\n';
}

/** The ZIP of one person's data in one workspace: a JSON and a CSV file per section, and a README. */
export async function buildMemberArchive(tenantId: string, userId: string, now = new Date()): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const index: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      for (const section of EXPORT_SECTIONS) {
        const rows = (await section.rows(tx, tenantId, userId)).map((row) => exportable(row) as Record<string, unknown>);
        index[section.name] = rows.length;
        files[`${section.name}.json`] = strToU8(JSON.stringify(rows, null, 2));
        files[`${section.name}.csv`] = strToU8(toCsv(rows));
      }
    },
    { isolationLevel: 'RepeatableRead', timeout: 60_000 },
  );
  files['README.txt'] = strToU8(
    [`Your data in this workspace, exported ${now.toISOString()}.`, 'Each section is in a JSON file (complete) and a CSV file (one row per record; nested values as JSON).', '', ...Object.entries(index).map(([name, count]) => `${name}: ${count} record(s)`), ''].join('\n'),
  );
  return zipSync(files, { level: 6, mtime: now });
}

/** The job: builds the archive, keeps it, and emails its owner. */
export async function runExport(exportId: string, now = new Date()): Promise<'ready' | 'gone' | 'failed'> {
  const row = await db.dataExport.findUnique({ where: { id: exportId }, select: { tenantId: true, userId: true, status: true, user: { select: { email: true } } } });
  if (!row || !row.userId || !row.user || row.status !== 'pending') return 'gone';
  try {
    const bytes = await buildMemberArchive(row.tenantId, row.userId, now);
    await db.dataExport.update({ where: { id: exportId }, data: { status: 'ready', data: Uint8Array.from(bytes), size: bytes.length, readyAt: now } });
  } catch (error) {
    logger().error({ err: error, exportId }, 'privacy: building an export failed');
    await db.dataExport.update({ where: { id: exportId }, data: { status: 'failed', error: 'The export could not be built.' } });
    return 'failed';
  }
  const tenant = await loadTenantById(row.tenantId);
  if (tenant) {
    const content = notificationEmail({
      tenant,
      subject: `Your data export from ${tenant.name} is ready`,
      heading: 'Your data export is ready',
      paragraphs: ['The file holds everything this workspace keeps about you, as JSON and CSV. Download it from your account within 7 days; you will be asked to sign in.'],
      action: { label: 'Open my account', url: `${tenantOrigin(tenant.slug)}/account/privacy` },
    });
    await sendEmail({ tenant, to: row.user.email, kind: 'data_export_ready', ...content });
  }
  return 'ready';
}
