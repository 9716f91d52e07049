// JSON answers of the public API. Content-Length is set on every body we build so the
// request log (lib/api/request-log.ts) records its size.

const PRIVATE = 'private, no-store';

/** A body that is already JSON text: replays and ETagged answers hash or store the text itself. */
export function jsonTextResponse(text: string, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(text, {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', 'cache-control': PRIVATE, ...init.headers, 'content-length': String(Buffer.byteLength(text)) },
  });
}

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return jsonTextResponse(JSON.stringify(body), init);
}

/** 204: no body and, as RFC 9110 asks, no Content-Length either. */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': PRIVATE } });
}
