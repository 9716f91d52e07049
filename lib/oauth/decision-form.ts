import { AppError, badRequest } from '../http/problem.ts';
import { readBytes } from '../http/read-bytes.ts';

const MAX_FORM_BYTES = 16 * 1024;

/** The consent form as posted by a browser: urlencoded (or multipart), each field once. */
export async function readDecisionForm(req: Request): Promise<Record<string, string>> {
  const type = req.headers.get('content-type') ?? '';
  let entries: [string, string][];
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    entries = [...new URLSearchParams((await readBytes(req, MAX_FORM_BYTES)).toString('utf8'))];
  } else if (/^multipart\/form-data\b/i.test(type)) {
    const raw = await readBytes(req, MAX_FORM_BYTES);
    const data = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData().catch(() => {
      throw badRequest('The form is malformed.');
    });
    entries = [...data].map(([name, value]) => [name, typeof value === 'string' ? value : '']);
  } else {
    throw new AppError(415, 'unsupported_media_type', 'Post the consent form as application/x-www-form-urlencoded.');
  }
  const form: Record<string, string> = Object.create(null);
  for (const [name, value] of entries) {
    if (Object.hasOwn(form, name)) throw badRequest(`The form repeats ${name}.`);
    form[name] = value;
  }
  return form;
}
