import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import type { Member } from '../auth/session.ts';
import { tenantOrigin } from '../config/env.ts';
import { db, dbRead } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { AppError, notFound, tooManyRequests } from '../http/problem.ts';
import { translatorFor } from '../i18n/translator.ts';
import { enqueue } from '../jobs/queue.ts';
import { csvField } from '../audit/audit-query.ts';
import { logger } from '../observability/logger.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { EXPORT_SECTIONS, exportable } from './export-sections.ts';
import { WORKSPACE_SECTIONS } from './workspace-export-sections.ts';

// A member downloads everything this workspace holds about them (GDPR access and portability):
// they ask, a job builds a ZIP with one JSON and one CSV file per section, and an email tells
// them it is ready. Only they can download it, for 7 days. The same job builds an owner's
// export of the whole workspace (userId null: lib/privacy/workspace-export.ts). Archives are
// read from the read replica when there is one (dbRead): a snapshot a moment old is fine.

export const KEEP_MS = 7 * 86_400_000;
export const MAX_PER_DAY = 3;
/** Rows read per query of a workspace export. */
const PAGE_SIZE = 500;

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
  return [columns, ...rows.map((row) => columns.map((column) => row[column]))].map(csvLine).join('');
}

function csvLine(fields: unknown[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** The ZIP of one person's data in one workspace: a JSON and a CSV file per section, and a README. */
export async function buildMemberArchive(tenantId: string, userId: string, now = new Date()): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const index: Record<string, number> = {};
  await dbRead.$transaction(
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

/**
 * The ZIP of a whole workspace: a JSON and a CSV file per section (WORKSPACE_SECTIONS), and a
 * README. Rows are read a page at a time from one snapshot and streamed into the compressor,
 * so only the compressed archive is held in memory, never a section's rows at once.
 */
export async function buildWorkspaceArchive(tenantId: string, now = new Date()): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const open = (name: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = now;
    zip.add(file);
    return { write: (text: string) => file.push(strToU8(text)), close: () => file.push(new Uint8Array(0), true) };
  };
  const index: Record<string, number> = {};
  await dbRead.$transaction(
    async (tx) => {
      for (const section of WORKSPACE_SECTIONS) {
        const json = open(`${section.name}.json`);
        const csv = open(`${section.name}.csv`);
        // The rows of a section have the same fields (one query shape): the first page names the CSV's columns.
        let columns: string[] | null = null;
        let count = 0;
        let after: string | undefined;
        json.write('[');
        for (;;) {
          const page = await section.page(tx, tenantId, after, PAGE_SIZE);
          for (const raw of page) {
            const row = exportable(raw) as Record<string, unknown>;
            if (!columns) csv.write(csvLine((columns = Object.keys(row))));
            json.write(`${count ? ',' : ''}\n  ${JSON.stringify(row)}`);
            csv.write(csvLine(columns.map((column) => row[column])));
            count++;
          }
          if (page.length < PAGE_SIZE) break;
          after = String(page[page.length - 1].id);
        }
        json.write(count ? '\n]\n' : ']\n');
        json.close();
        csv.close();
        index[section.name] = count;
      }
    },
    { isolationLevel: 'RepeatableRead', timeout: 15 * 60_000 },
  );
  const readme = open('README.txt');
  readme.write([`The data of this workspace, exported ${now.toISOString()}.`, 'Each section is in a JSON file (complete) and a CSV file (one row per record; nested values as JSON). Passwords, keys, tokens and secrets are left out.', '', ...Object.entries(index).map(([name, count]) => `${name}: ${count} record(s)`), ''].join('\n'));
  readme.close();
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The job: builds the archive (a member's, or the whole workspace's), keeps it, and emails whoever asked. */
export async function runExport(exportId: string, now = new Date()): Promise<'ready' | 'gone' | 'failed'> {
  const row = await db.dataExport.findUnique({ where: { id: exportId }, select: { tenantId: true, userId: true, requestedById: true, status: true, user: { select: { email: true } } } });
  if (!row || row.status !== 'pending' || (row.userId && !row.user)) return 'gone';
  // A member's own export goes to them; the workspace's, to the owner who asked (if still there).
  const to = row.user?.email ?? (await db.user.findUnique({ where: { id: row.requestedById }, select: { email: true } }))?.email ?? null;
  try {
    const bytes = row.userId ? await buildMemberArchive(row.tenantId, row.userId, now) : await buildWorkspaceArchive(row.tenantId, now);
    await db.dataExport.update({ where: { id: exportId }, data: { status: 'ready', data: Uint8Array.from(bytes), size: bytes.length, readyAt: now } });
  } catch (error) {
    logger().error({ err: error, exportId }, 'privacy: building an export failed');
    await db.dataExport.update({ where: { id: exportId }, data: { status: 'failed', error: 'The export could not be built.' } });
    return 'failed';
  }
  const tenant = await loadTenantById(row.tenantId);
  if (!tenant || !to) return 'ready';
  // In the recipient's language: their own, else the workspace's.
  const membership = await tenantDb(tenant.id).membership.findFirst({ where: { userId: row.userId ?? row.requestedById }, select: { locale: true } });
  const { language } = emailLocaleFor(tenant, membership);
  const t = await translatorFor(language, tenant.branding);
  const workspace = tenant.name;
  if (!row.userId) {
    const content = notificationEmail({
      tenant,
      language,
      subject: t('email.dataExport.workspaceSubject', { workspace }),
      heading: t('email.dataExport.workspaceHeading'),
      paragraphs: [t('email.dataExport.workspaceBody')],
      action: { label: t('email.dataExport.workspaceAction'), url: `${tenantOrigin(tenant.slug)}/settings/data` },
    });
    await sendEmail({ tenant, to, kind: 'workspace_export_ready', ...content });
  } else {
    const content = notificationEmail({
      tenant,
      language,
      subject: t('email.dataExport.memberSubject', { workspace }),
      heading: t('email.dataExport.memberHeading'),
      paragraphs: [t('email.dataExport.memberBody')],
      action: { label: t('email.dataExport.memberAction'), url: `${tenantOrigin(tenant.slug)}/account/privacy` },
    });
    await sendEmail({ tenant, to, kind: 'data_export_ready', ...content });
  }
  return 'ready';
}
