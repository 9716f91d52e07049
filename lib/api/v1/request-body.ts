import { readBytes } from '../../http/read-bytes.ts';
import { readJson } from '../../http/read-json.ts';

/** The public API takes JSON bodies up to 1 MB (413 beyond). */
const MAX_BODY_BYTES = 1024 * 1024;

export interface RequestBody {
  /** The bytes as sent: an Idempotency-Key is bound to their hash. */
  raw: Buffer;
  json: unknown;
}

/** Reads the body once: 413 beyond 1 MB, then readJson's checks (415 for other media types, 400 when malformed). */
export async function readBody(req: Request): Promise<RequestBody> {
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const json = await readJson(new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(raw) }), MAX_BODY_BYTES);
  return { raw, json };
}

/** For a POST whose body may be left out: no body (or an empty one) reads as {}; anything else as readBody does. */
export async function readOptionalBody(req: Request): Promise<RequestBody> {
  const raw = await readBytes(req, MAX_BODY_BYTES);
  if (raw.length === 0) return { raw, json: {} };
  const json = await readJson(new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(raw) }), MAX_BODY_BYTES);
  return { raw, json };
}
