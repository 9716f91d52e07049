import type { z } from 'zod';
import { AppError, badRequest, parseInput } from '../http/problem.ts';
import { readBytes } from '../http/read-bytes.ts';
import { readJson } from '../http/read-json.ts';
import { ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS } from './attachments.ts';

// A ticket or comment arrives as JSON (text only) or as multipart/form-data (the same fields
// plus `attachments` files), so a message and its files are written in one transaction and no
// upload is left without a comment. Cross-site multipart posts are refused by the doors'
// same-origin check before this runs.

const MULTIPART_MAX_BYTES = MAX_ATTACHMENTS * ATTACHMENT_MAX_BYTES + 64 * 1024;

export async function readTicketBody<S extends z.ZodType>(req: Request, schema: S): Promise<{ input: z.output<S>; files: Buffer[] }> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) return { input: parseInput(schema, await readJson(req)) as z.output<S>, files: [] };
  const bytes = await readBytes(req, MULTIPART_MAX_BYTES);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw badRequest('The form data could not be read.');
  }
  const fields: Record<string, string> = {};
  const files: Buffer[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      if (name in fields) throw badRequest(`The field ${name} was sent twice.`);
      fields[name] = value;
    } else if (name === 'attachments') {
      // An empty file input posts one nameless, empty file: that is no attachment.
      if (value.size === 0 && !value.name) continue;
      if (files.length >= MAX_ATTACHMENTS) throw badRequest(`Attach at most ${MAX_ATTACHMENTS} files to one comment.`);
      if (value.size > ATTACHMENT_MAX_BYTES) throw new AppError(413, 'payload_too_large', `Attachment ${files.length + 1} is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`);
      files.push(Buffer.from(await value.arrayBuffer()));
    } else throw badRequest(`Only the attachments field takes files (got ${name}).`);
  }
  return { input: parseInput(schema, fields) as z.output<S>, files };
}
