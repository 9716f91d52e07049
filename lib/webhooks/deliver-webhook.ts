import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { agentFor, pinnedLookup } from './connection-pool.ts';
import { parseRetryAfter } from './retry-after.ts';
import { assertPublicUrl, type LookupFn } from './ssrf-guard.ts';

export const RESPONSE_BODY_LIMIT_BYTES = 4096;
/** The whole attempt, from DNS to the capped body read: a receiver should answer at once and work afterwards. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** DNS, TCP and TLS: an unreachable receiver is given up on after this, not after DELIVERY_TIMEOUT_MS. */
export const CONNECT_TIMEOUT_MS = 5_000;
const USER_AGENT = 'Waypoint-Webhooks/1';
// Only headers that help a tenant debug a failed delivery; the rest may be large or leak
// receiver internals into our delivery log.
const KEPT_RESPONSE_HEADERS = ['content-type', 'content-length', 'retry-after', 'location', 'date', 'server', 'x-request-id'];
const HEADER_VALUE_LIMIT = 256;

export interface DeliveryAttempt {
  /** 2xx. */
  ok: boolean;
  /** null when no response arrived (refused URL, network error, timeout before headers). */
  status: number | null;
  durationMs: number;
  /** The first 4 KB of the response as text: store and show it escaped, never parse or render it. */
  responseBody: string;
  responseHeaders: Record<string, string>;
  /** No answer in time: the connection did not complete within the connect timeout, or the answer not within the total one. */
  timedOut: boolean;
  /** From Retry-After on 429/503 only. */
  retryAfterSeconds: number | null;
  /** 410: the receiver asks us to stop, the caller disables the endpoint. */
  gone: boolean;
  error: string | null;
}

export interface DeliverWebhookInput {
  url: string;
  /** The signed webhook-* headers from signWebhook. */
  headers: Record<string, string>;
  /** The exact string that was signed. */
  body: string;
  /** Covers the whole attempt: DNS, connect, TLS, response headers and the capped body read. */
  timeoutMs?: number;
  /** DNS, TCP and TLS: a receiver that cannot even be reached is given up on sooner than a slow one. */
  connectTimeoutMs?: number;
  allowLocalhost?: boolean;
  requireHttps?: boolean;
  lookup?: LookupFn;
}

/** One POST of one webhook. Never throws: every outcome, including a refused URL, is an attempt. */
export async function deliverWebhook(input: DeliverWebhookInput): Promise<DeliveryAttempt> {
  const { url, headers, body, timeoutMs = DELIVERY_TIMEOUT_MS, connectTimeoutMs = CONNECT_TIMEOUT_MS, allowLocalhost, requireHttps, lookup } = input;
  const connectWithin = Math.min(connectTimeoutMs, timeoutMs);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  let vetted: { url: URL; addresses: string[] };
  try {
    // Vetted again on every attempt: the URL's DNS may have changed since the last one.
    vetted = await withTimeout(assertPublicUrl(url, { allowLocalhost, requireHttps, lookup }), connectWithin);
  } catch (error) {
    return failure(elapsed(), (error as Error).message, error instanceof DnsTimeoutError);
  }

  const timeouts = () => ({ totalMs: Math.max(0, timeoutMs - elapsed()), connectMs: Math.max(0, connectWithin - elapsed()), timeoutMs, connectTimeoutMs: connectWithin });
  let result = await post(vetted.url, vetted.addresses, headers, body, timeouts());
  // A kept connection the receiver closed just as it was reused: the request never reached
  // it, so it is sent again at once on a new connection (what Node's docs advise).
  if (result === STALE_CONNECTION) result = await post(vetted.url, vetted.addresses, headers, body, timeouts());
  if (result === STALE_CONNECTION) return failure(elapsed(), 'The receiver closed the connection before answering', false);
  return { ...result, durationMs: elapsed() };
}

type Outcome = Omit<DeliveryAttempt, 'durationMs'>;

/** The request went out on a kept connection the receiver had just closed: it never reached it. */
const STALE_CONNECTION = Symbol('stale connection');

interface Timeouts {
  /** What is left of each budget once DNS is done, and the budgets themselves (for the messages). */
  totalMs: number;
  connectMs: number;
  timeoutMs: number;
  connectTimeoutMs: number;
}

function post(url: URL, addresses: string[], headers: Record<string, string>, body: string, timeouts: Timeouts) {
  return new Promise<Outcome | typeof STALE_CONNECTION>((resolve) => {
    const isHttps = url.protocol === 'https:';
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const request = (isHttps ? https : http).request({
      method: 'POST',
      protocol: url.protocol,
      // The original hostname keeps the Host header and TLS SNI/certificate check right,
      // while the pinned lookup makes the socket go to an address that was vetted.
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'content-length': String(Buffer.byteLength(body)),
      },
      lookup: pinnedLookup(addresses),
      servername: isHttps && isIP(hostname) === 0 ? hostname : undefined,
      // Kept connections per vetted address set: one opened under an older DNS answer is never reused.
      agent: agentFor(url, addresses),
    });

    let status: number | null = null;
    let responseHeaders: Record<string, string> = {};
    let retryAfterSeconds: number | null = null;
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;

    /** `complete`: the whole response was read, and its connection can serve the next attempt. */
    const settle = (error: string | null, timedOut = false, complete = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(connectTimer);
      // Destroying also stops reading an oversized or endless body.
      if (!complete) request.destroy();
      const responseBody = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT_BYTES).toString('utf8');
      const ok = status !== null && status >= 200 && status < 300;
      resolve({ ok, status, responseBody, responseHeaders, timedOut, retryAfterSeconds, gone: status === 410, error });
    };

    const timer = setTimeout(() => {
      settle(status === null ? `Timed out after ${timeouts.timeoutMs} ms` : `Response body timed out after ${timeouts.timeoutMs} ms`, true);
    }, timeouts.totalMs);
    const connectTimer = setTimeout(() => settle(`Could not connect within ${timeouts.connectTimeoutMs} ms`, true), timeouts.connectMs);
    // Connected means the TLS handshake is done too on https; a kept connection is.
    request.on('socket', (socket) => {
      if (request.reusedSocket) clearTimeout(connectTimer);
      else socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });

    request.on('error', (error: NodeJS.ErrnoException) => {
      if (status === null && request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') && !settled) {
        settled = true;
        clearTimeout(timer);
        clearTimeout(connectTimer);
        resolve(STALE_CONNECTION);
        return;
      }
      settle(error.message);
    });
    request.on('response', (response) => {
      status = response.statusCode ?? null;
      responseHeaders = keptHeaders(response.headers);
      if (status === 429 || status === 503) retryAfterSeconds = parseRetryAfter(response.headers['retry-after']);
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= RESPONSE_BODY_LIMIT_BYTES) settle(null);
      });
      response.on('end', () => settle(null, false, true));
      // A receiver that resets mid-body still answered with its status.
      response.on('close', () => settle(null));
    });
    request.end(body);
  });
}

function keptHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_RESPONSE_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    kept[name] = (Array.isArray(value) ? value.join(', ') : value).slice(0, HEADER_VALUE_LIMIT);
  }
  return kept;
}

function failure(durationMs: number, error: string, timedOut: boolean): DeliveryAttempt {
  return { ok: false, status: null, durationMs, responseBody: '', responseHeaders: {}, timedOut, retryAfterSeconds: null, gone: false, error };
}

class DnsTimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DnsTimeoutError(`Timed out after ${timeoutMs} ms resolving the webhook URL`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
