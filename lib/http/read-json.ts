import { AppError, badRequest } from './problem.ts';
import { readBytes } from './read-bytes.ts';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON request body: 415 for other media types, 413 when too large, 400 when malformed. */
export async function readJson(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
  }
  const text = (await readBytes(req, maxBytes)).toString('utf8');
  if (!text.trim()) throw badRequest('The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}
