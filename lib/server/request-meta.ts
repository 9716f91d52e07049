// What the app learns about a request that the HTTP server wants too: the tenant proxy.ts
// resolved and the route that answered (for the access log), and the status a page asked for.
// Keyed by request id, kept only while the request is in flight (the server deletes the entry
// when the response ends).

export interface RequestMeta {
  tenantId?: string;
  route?: string;
  /** The status a page answers with instead of 200 (lib/server/page-status.ts). */
  status?: number;
}

const KEY = Symbol.for('waypoint.request-meta');
const holder = globalThis as unknown as { [KEY]?: Map<string, RequestMeta> };

function table(): Map<string, RequestMeta> {
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Adds to the request's meta; a no-op outside the Waypoint server (tests calling handlers). */
export function noteRequest(requestId: string | null | undefined, meta: RequestMeta): void {
  if (!requestId) return;
  const entry = table().get(requestId);
  if (entry) Object.assign(entry, meta);
}

export function peekRequest(requestId: string): RequestMeta | undefined {
  return table().get(requestId);
}

export function openRequest(requestId: string): void {
  table().set(requestId, {});
}

export function closeRequest(requestId: string): RequestMeta | undefined {
  const entry = table().get(requestId);
  table().delete(requestId);
  return entry;
}
