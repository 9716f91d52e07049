import { sealTrusted } from '../../lib/http/trusted-headers.ts';

// What Waypoint's server and proxy.ts put on a request before a handler sees it, for tests
// that call route handlers in process: the tenant of the host, the client's IP, a request id,
// sealed with this process's key (lib/http/trusted-headers.ts).
export function trustedHeaders(facts: { tenantId?: string | null; clientIp?: string | null; requestId?: string } = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  sealTrusted(headers, { tenantId: facts.tenantId ?? null, clientIp: facts.clientIp ?? '203.0.113.10', requestId: facts.requestId ?? `req_test${Math.random().toString(36).slice(2, 10)}` });
  return headers;
}
