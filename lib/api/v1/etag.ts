import { createHash } from 'node:crypto';
import { jsonTextResponse } from './json-response.ts';

// Single resources carry a strong ETag (a hash of the exact JSON body), so clients can poll
// with If-None-Match and get an empty 304 while nothing changed. no-cache (not no-store)
// lets a private cache keep the body and revalidate it.

const CACHE = 'private, no-cache';

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  // If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix does not matter.
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === etag;
  });
}

export function etaggedResponse(req: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url')}"`;
  if (matches(req.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: { etag, 'cache-control': CACHE } });
  return jsonTextResponse(text, { headers: { etag, 'cache-control': CACHE } });
}
