import { NextRequest } from 'next/server';
import { trustedHeaders } from './trusted.ts';

// Calls a route handler in process the way a browser's request reaches it through Waypoint's
// server and proxy.ts: on a host (a tenant's, or the root domain), with a session cookie, and
// for writes with that host's Origin unless the test says otherwise.

export type RouteHandlerFn = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface AppCall {
  method?: string;
  path: string;
  params?: Record<string, string | string[]>;
  /** The tenant whose host the request arrives on; null or undefined: the root domain. */
  tenantId?: string | null;
  host?: string;
  cookie?: string | null;
  /** A JSON body (sent as application/json), or bytes/text sent as is with `contentType`. */
  json?: unknown;
  body?: string | Uint8Array;
  contentType?: string;
  /** The Origin header; default: the host's own origin for writes. null: none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

export interface AppAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

export async function callRoute(handler: RouteHandlerFn, call: AppCall): Promise<AppAnswer> {
  const method = call.method ?? 'GET';
  const host = call.host ?? 'acme.localhost:3100';
  const headers: Record<string, string> = { host, ...trustedHeaders({ tenantId: call.tenantId ?? null }), ...call.headers };
  if (call.cookie) headers.cookie = call.cookie;
  const origin = call.origin === undefined ? (method === 'GET' || method === 'HEAD' ? null : `http://${host}`) : call.origin;
  if (origin) headers.origin = origin;
  let body: string | Uint8Array | undefined = call.body;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['content-type'] = 'application/json';
  }
  if (call.contentType) headers['content-type'] = call.contentType;
  const req = new NextRequest(`http://${host}${call.path}`, { method, headers, body: body as BodyInit | undefined });
  const response = await handler(req, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}
