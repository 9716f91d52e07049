import { createHash } from 'node:crypto';
import { sniffImageType } from '../branding/image-upload.ts';
import { db } from '../db/client.ts';
import { AppError, badRequest, conflict } from '../http/problem.ts';
import type { Tx } from '../marketplace/app-lifecycle.ts';

// Files attached to ticket comments: checked like other uploads (the bytes decide the type,
// never the name or the declared type; a size cap), stored as Asset rows of kind
// ticket_attachment in the requester's tenant (the workspace, or the partner's sandbox), and
// served only to the ticket's two sides (lib/support/tickets.ts: ticketAttachment), as a
// download (Content-Disposition: attachment) with nosniff.

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 3;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'application/pdf': 'pdf', 'text/plain': 'txt' };
export const ATTACHMENT_TYPES = Object.keys(EXTENSIONS);
const ALLOWED_NAMES = 'PNG, JPEG, GIF, WebP, PDF or plain text';

/** Plain text: valid UTF-8 without NUL or other control bytes (tab, newlines and form feed aside). */
function isPlainText(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
  } catch {
    return false;
  }
}

export function sniffAttachmentType(bytes: Buffer): string | null {
  const image = sniffImageType(bytes);
  if (image) return EXTENSIONS[image] ? image : null;
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return isPlainText(bytes) ? 'text/plain' : null;
}

/** The verified content type of one attachment, or a 400/413/415 AppError. */
export function validateAttachment(bytes: Buffer, index = 0): string {
  const which = `Attachment ${index + 1}`;
  if (bytes.length === 0) throw badRequest(`${which} is empty.`);
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError(413, 'payload_too_large', `${which} is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`);
  const type = sniffAttachmentType(bytes);
  if (!type) throw new AppError(415, 'unsupported_media_type', `${which} must be a ${ALLOWED_NAMES} file.`);
  return type;
}

export interface CheckedFile {
  bytes: Buffer;
  contentType: string;
}

/** All of a comment's files checked before anything is written. */
export function checkAttachments(files: Buffer[]): CheckedFile[] {
  if (files.length > MAX_ATTACHMENTS) throw badRequest(`Attach at most ${MAX_ATTACHMENTS} files to one comment.`);
  return files.map((bytes, index) => ({ bytes, contentType: validateAttachment(bytes, index) }));
}

/** Stores checked files in the requester's tenant; their ids go on the comment. */
export async function storeAttachments(tx: Tx, tenantId: string | null, files: CheckedFile[]): Promise<string[]> {
  if (files.length === 0) return [];
  if (!tenantId) throw conflict('Attachments need your partner sandbox workspace, which does not exist yet; send the message without files.');
  const ids: string[] = [];
  for (const file of files) {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const asset = await tx.asset.create({ data: { tenantId, kind: 'ticket_attachment', contentType: file.contentType, size: file.bytes.length, sha256, data: new Uint8Array(file.bytes) }, select: { id: true } });
    ids.push(asset.id);
  }
  return ids;
}

export interface AttachmentMeta {
  id: string;
  contentType: string;
  size: number;
  /** The download's name: files keep no name of their own, so it says where it came from. */
  fileName: string;
}

export function attachmentFileName(ticketNumber: number, index: number, contentType: string): string {
  return `ticket-${ticketNumber}-attachment-${index + 1}.${EXTENSIONS[contentType] ?? 'bin'}`;
}

/** Size and type of a ticket's attachments, by id (bytes stay in the database). */
export async function attachmentMeta(ids: string[]): Promise<Map<string, { contentType: string; size: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.asset.findMany({ where: { id: { in: ids }, kind: 'ticket_attachment' }, select: { id: true, contentType: true, size: true } });
  return new Map(rows.map((r) => [r.id, { contentType: r.contentType, size: r.size }]));
}

/** The response for a download: never rendered inline, never sniffed, never cached by others. */
export function attachmentResponse(file: { data: Uint8Array; contentType: string; size: number; fileName: string }): Response {
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      'content-type': file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
      'content-length': String(file.size),
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    },
  });
}
