import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverWebhook } from '../../lib/webhooks/deliver-webhook.ts';
import { generateWebhookSecret, signWebhook } from '../../lib/webhooks/sign-webhook.ts';
import { assertPublicUrl, UnsafeUrlError, type LookupFn } from '../../lib/webhooks/ssrf-guard.ts';

// A real receiver on 127.0.0.1; every delivery here stays on loopback.
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let server: http.Server;
let base: string;
let port: number;
let received: Received[];
let connections: number;

const ONE_MB = 1024 * 1024;

function handle(request: http.IncomingMessage, response: http.ServerResponse, body: Buffer) {
  received.push({ path: request.url ?? '', headers: request.headers, body });
  // The client hangs up on purpose (timeouts, capped bodies): ignore the write errors.
  response.on('error', () => {});
  switch (request.url) {
    case '/ok':
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1', 'set-cookie': 'a=b' });
      response.end('{"received":true}');
      return;
    case '/error':
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('<script>alert(1)</script> boom');
      return;
    case '/throttled':
      response.writeHead(429, { 'retry-after': '7' });
      response.end();
      return;
    case '/gone':
      response.writeHead(410);
      response.end();
      return;
    case '/slow':
      setTimeout(() => response.writeHead(200).end(), 2000).unref();
      return;
    case '/huge':
      // 1 MB and then the response never ends: only a capped read returns before the timeout.
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write(Buffer.alloc(ONE_MB, 'a'));
      return;
    case '/redirect':
      response.writeHead(302, { location: `${base}/ok` });
      response.end();
      return;
    default:
      response.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks)));
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  connections = 0;
});

const local = { allowLocalhost: true, requireHttps: false } as const;

function signed(body: string, secret = generateWebhookSecret()) {
  const headers = signWebhook({ id: 'msg_int_1', timestamp: Math.floor(Date.now() / 1000), body, secrets: [secret] });
  return { secret, headers };
}

describe('deliverWebhook against a local receiver', () => {
  it('delivers a signed payload that the receiver verifies with standardwebhooks', async () => {
    const body = JSON.stringify({ type: 'habit.checked', data: { habitId: 'h_1', streak: 12 } });
    const { secret, headers } = signed(body);

    const attempt = await deliverWebhook({ url: `${base}/ok`, headers, body, ...local });

    expect(attempt).toMatchObject({ ok: true, status: 200, responseBody: '{"received":true}', error: null, gone: false });
    // Only the kept headers: set-cookie and the rest of the receiver's headers stay out of the log.
    expect(attempt.responseHeaders).toEqual({
      'content-type': 'application/json',
      'x-request-id': 'req-1',
      date: expect.any(String),
    });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(0);

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.body.toString('utf8')).toBe(body);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('Waypoint-Webhooks/1');
    const receivedHeaders = Object.fromEntries(
      Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    expect(new Webhook(secret).verify(request.body.toString('utf8'), receivedHeaders)).toEqual(JSON.parse(body));
  });

  it('reports a 500 as a failure, with the response body as plain text', async () => {
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `${base}/error`, headers, body: '{}', ...local });
    expect(attempt).toMatchObject({ ok: false, status: 500, error: null, responseBody: '<script>alert(1)</script> boom' });
  });

  it('reads Retry-After from a 429', async () => {
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `${base}/throttled`, headers, body: '{}', ...local });
    expect(attempt).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 7 });
    expect(attempt.responseHeaders['retry-after']).toBe('7');
  });

  it('flags a 410 as gone', async () => {
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `${base}/gone`, headers, body: '{}', ...local });
    expect(attempt).toMatchObject({ ok: false, status: 410, gone: true, retryAfterSeconds: null });
  });

  it('gives up on a receiver slower than timeoutMs', async () => {
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `${base}/slow`, headers, body: '{}', timeoutMs: 300, ...local });
    expect(attempt.ok).toBe(false);
    expect(attempt.status).toBeNull();
    expect(attempt.error).toMatch(/timed out/i);
    expect(attempt.durationMs).toBeGreaterThanOrEqual(290);
    expect(attempt.durationMs).toBeLessThan(1500);
  });

  it('gives up on a connection that never completes after connectTimeoutMs, long before timeoutMs', async () => {
    // Accepts the TCP connection and never answers the TLS handshake.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { headers } = signed('{}');
      const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
      const attempt = await deliverWebhook({ url, headers, body: '{}', connectTimeoutMs: 300, timeoutMs: 5000, ...local });
      expect(attempt).toMatchObject({ ok: false, status: null, timedOut: true });
      expect(attempt.error).toMatch(/could not connect within 300 ms/i);
      expect(attempt.durationMs).toBeGreaterThanOrEqual(290);
      expect(attempt.durationMs).toBeLessThan(1500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('counts a connected receiver that answers too late as timed out, a refused connection not', async () => {
    const { headers } = signed('{}');
    expect(await deliverWebhook({ url: `${base}/slow`, headers, body: '{}', connectTimeoutMs: 200, timeoutMs: 500, ...local })).toMatchObject({ ok: false, timedOut: true, error: expect.stringMatching(/timed out after 500 ms/i) });
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await deliverWebhook({ url: `http://127.0.0.1:${closedPort}/`, headers, body: '{}', ...local })).toMatchObject({ ok: false, timedOut: false, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(await deliverWebhook({ url: `${base}/ok`, headers, body: '{}', ...local })).toMatchObject({ ok: true, timedOut: false });
  });

  it('keeps only the first 4 KB of a huge response and returns without reading the rest', async () => {
    const { headers } = signed('{}');
    const started = Date.now();
    const attempt = await deliverWebhook({ url: `${base}/huge`, headers, body: '{}', timeoutMs: 5000, ...local });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(attempt).toMatchObject({ ok: true, status: 200, error: null });
    expect(Buffer.byteLength(attempt.responseBody)).toBe(4096);
    expect(attempt.responseBody).toBe('a'.repeat(4096));
  });

  it('does not follow a redirect, and counts it as a failure', async () => {
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `${base}/redirect`, headers, body: '{}', ...local });
    expect(attempt).toMatchObject({ ok: false, status: 302, error: null });
    expect(attempt.responseHeaders.location).toBe(`${base}/ok`);
    expect(received.map((request) => request.path)).toEqual(['/redirect']);
  });

  it('connects to the vetted address while keeping the URL host in the Host header', async () => {
    let lookups = 0;
    const lookup: LookupFn = async () => {
      lookups += 1;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `http://receiver.test:${port}/ok`, headers, body: '{}', lookup, ...local });
    expect(attempt).toMatchObject({ ok: true, status: 200 });
    expect(received[0].headers.host).toBe(`receiver.test:${port}`);
    // Resolved once, for the check: the connection used that answer instead of asking again.
    expect(lookups).toBe(1);
  });

  it('resolves through the default, cached lookup, including names only the hosts file knows', async () => {
    // No lookup passed: dns-cache.ts asks DNS (TTL-cached) and falls back to the system resolver.
    const attempt = await deliverWebhook({ url: `http://localhost:${port}/ok`, headers: signed('{}').headers, body: '{}', ...local });
    expect(attempt).toMatchObject({ ok: true, status: 200 });
    expect(received[0].headers.host).toBe(`localhost:${port}`);
  });

  it('refuses the same loopback URL without allowLocalhost, before any connection', async () => {
    await expect(assertPublicUrl(`${base}/ok`, { requireHttps: false })).rejects.toBeInstanceOf(UnsafeUrlError);

    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `${base}/ok`, headers, body: '{}', requireHttps: false });
    expect(attempt).toMatchObject({ ok: false, status: null, gone: false, responseBody: '' });
    expect(attempt.error).toMatch(/127\.0\.0\.1, a loopback address/);
    expect(received).toHaveLength(0);
    expect(connections).toBe(0);
  });

  it('refuses a hostname that resolves to a private address, before any connection', async () => {
    const lookup: LookupFn = async () => [{ address: '10.0.0.5', family: 4 }];
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `http://intranet.test:${port}/ok`, headers, body: '{}', lookup, ...local });
    expect(attempt).toMatchObject({ ok: false, status: null });
    expect(attempt.error).toMatch(/private address/);
    expect(connections).toBe(0);
  });

  it('refuses plain http by default', async () => {
    const { headers } = signed('{}');
    const attempt = await deliverWebhook({ url: `${base}/ok`, headers, body: '{}', allowLocalhost: true });
    expect(attempt.error).toMatch(/must use https/);
    expect(connections).toBe(0);
  });
});

describe('kept connections', () => {
  it('reuses one connection per vetted address set, and opens a new one when the DNS answer changes', async () => {
    let answer = ['127.0.0.1'];
    const lookup: LookupFn = async () => answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const url = `http://kept.test:${port}/ok`;
    for (let i = 0; i < 3; i++) expect(await deliverWebhook({ url, headers: signed('{}').headers, body: '{}', lookup, ...local })).toMatchObject({ ok: true });
    expect(connections).toBe(1);

    // Same host, another answer: the kept connection was opened to a set vetted before, so it is not used.
    answer = ['127.0.0.1', '::1'];
    expect(await deliverWebhook({ url, headers: signed('{}').headers, body: '{}', lookup, ...local })).toMatchObject({ ok: true });
    expect(connections).toBe(2);
    expect(received).toHaveLength(4);
  });

  it('does not keep a connection whose answer was cut off: the next attempt opens a new one', async () => {
    const url = `http://cut.test:${port}/huge`;
    const lookup: LookupFn = async () => [{ address: '127.0.0.1', family: 4 }];
    for (let i = 0; i < 2; i++) expect(await deliverWebhook({ url, headers: signed('{}').headers, body: '{}', lookup, ...local })).toMatchObject({ ok: true, status: 200 });
    expect(connections).toBe(2);
  });

  it('sends again on a new connection when the receiver closes a kept one as it is reused', async () => {
    // The race a kept connection runs: the receiver closes it (its idle timeout) just as a
    // request goes out on it. This receiver closes every connection on its second request.
    let requests = 0;
    let opened = 0;
    const closing = http.createServer((request, response) => {
      requests += 1;
      const served = ((request.socket as net.Socket & { served?: number }).served ?? 0) + 1;
      (request.socket as net.Socket & { served?: number }).served = served;
      if (served > 1) request.socket.destroy();
      else request.on('end', () => response.writeHead(200).end('ok')).resume();
    });
    closing.on('connection', () => (opened += 1));
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/hook`;
      expect(await deliverWebhook({ url, headers: signed('{}').headers, body: '{}', ...local })).toMatchObject({ ok: true });
      const again = await deliverWebhook({ url, headers: signed('{}').headers, body: '{}', ...local });
      expect(again).toMatchObject({ ok: true, status: 200, error: null });
      expect({ requests, opened }).toEqual({ requests: 3, opened: 2 });
    } finally {
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
  });
});
