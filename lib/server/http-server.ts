import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import next from 'next';
import { config as appConfig, env } from '../config/env.ts';
import { baseSecurityHeaders } from '../http/security-headers.ts';
import { sealTrusted } from '../http/trusted-headers.ts';
import { logger } from '../observability/logger.ts';
import { LIVE_PATH } from '../realtime/live-path.ts';
import { clientAddress, peerIsTrusted, trustFrom, type Trust } from './client-address.ts';
import { runShutdownHooks, startDraining } from './lifecycle.ts';
import { closeRequest, openRequest, peekRequest } from './request-meta.ts';

// Waypoint's HTTP server: Next's request handler behind a plain Node server, because only
// here is the socket's address known (Next keeps a client-sent X-Forwarded-For as it is). For
// every request it works out the client's IP from the trusted proxy hops, gives the request
// an id, seals both into the request's headers (lib/http/trusted-headers.ts; client-sent
// x-waypoint-* headers are dropped), writes one access-log line when the response ends, and on
// shutdown stops accepting connections, lets requests in flight finish, then runs the app's
// shutdown hooks (request log, jobs, pools) before the process exits. It answers the live
// streams itself, without Next (lib/realtime/live-http.ts).

export interface ServeOptions {
  dev: boolean;
  port: number;
  dir?: string;
}

export interface RunningServer {
  server: Server;
  /** Graceful stop; resolves when everything has been flushed and closed. */
  shutdown(reason: string): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;
/** Headers only our own proxies may set; from anyone else they are dropped and Next fills them in. */
const PROXY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/**
 * The Host header in one spelling: lower case, no trailing dot on the name or after the port
 * ("acme.example.com.:443." is a valid way to write the same host); null when it is not a host.
 */
export function normalizeHostHeader(raw: string | undefined): string | null {
  if (!raw || raw.length > 300) return null;
  const match = /^(.*?)\.*(?::(\d{1,5})\.*)?$/.exec(raw.trim().toLowerCase());
  if (!match) return null;
  const name = match[1].replace(/\.+$/, '');
  const host = match[2] ? `${name}:${match[2]}` : name;
  return HOST.test(host) ? host : null;
}
const QUIET_PATHS = new Set(['/api/health', '/api/health/live', '/api/health/ready']);
/** The live stream's handler, loaded with the first stream (lib/realtime/live-http.ts says why). */
let liveHandler: Promise<typeof import('../realtime/live-http.ts')> | undefined;
/** How long a stopping server waits for open connections that have not sent their request yet. */
const IDLE_GRACE_MS = 1_000;

function requestIdFor(req: IncomingMessage, trust: Trust): string {
  const given = req.headers['x-request-id'];
  // A load balancer's id lets its logs and ours be joined; a client's is not believed.
  if (typeof given === 'string' && REQUEST_ID.test(given) && peerIsTrusted(req, trust)) return given;
  return `req_${randomBytes(12).toString('base64url')}`;
}

function badRequest(res: ServerResponse, requestId: string, detail: string): void {
  const body = JSON.stringify({ type: 'https://docs.waypoint.dev/errors/bad_request', title: 'Bad Request', status: 400, detail, code: 'bad_request', requestId });
  res.writeHead(400, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const config = env();
  const log = logger();
  const trust = trustFrom({ hops: config.TRUSTED_PROXY_HOPS, proxies: config.TRUSTED_PROXIES });
  const server = createServer({ requestTimeout: 120_000 });
  const app = next({ dev: options.dev, dir: options.dir ?? process.cwd(), port: options.port, hostname: 'localhost', httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();

  const securityHeaders = baseSecurityHeaders(appConfig.scheme);
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;
  /** Open connections, with how many of their requests are unanswered (0: none yet, or idle keep-alive). */
  const connections = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    connections.set(socket, 0);
    socket.once('close', () => connections.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const socket = req.socket;
    connections.set(socket, (connections.get(socket) ?? 0) + 1);
    const requestId = requestIdFor(req, trust);
    const ip = clientAddress(req, trust);
    sealTrusted(req.headers, { clientIp: ip, requestId, tenantId: null });
    res.setHeader('x-request-id', requestId);
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    // While stopping, answer what arrives on open connections but tell clients to reconnect
    // (to another instance).
    if (draining) res.setHeader('connection', 'close');
    inFlight++;
    openRequest(requestId);
    // A page that asked for another status than 200 gets it (App Router pages can only make
    // 401, 403 and 404 themselves); Node's implicit headers go through writeHead too.
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const asked = peekRequest(requestId)?.status;
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status === 200 && asked ? asked : status, ...rest);
    } as typeof res.writeHead;
    res.once('close', () => {
      inFlight--;
      if (connections.has(socket)) connections.set(socket, (connections.get(socket) ?? 1) - 1);
      const meta = closeRequest(requestId);
      const path = (req.url ?? '/').split('?')[0];
      const line = {
        requestId,
        method: req.method,
        // The path only: query strings can carry tokens (sign-in links, OAuth codes).
        path,
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
        ip,
        tenantId: meta?.tenantId,
        route: meta?.route,
        aborted: !res.writableFinished || undefined,
      };
      if (res.statusCode >= 500) log.error(line, 'request');
      else if (QUIET_PATHS.has(path)) log.debug(line, 'request');
      else log.info(line, 'request');
      if (inFlight === 0) onIdle?.();
    });
    const host = normalizeHostHeader(req.headers.host);
    if (!host) {
      badRequest(res, requestId, 'The Host header is missing or is not a host name.');
      return;
    }
    req.headers.host = host;
    if (!peerIsTrusted(req, trust)) for (const name of PROXY_HEADERS) delete req.headers[name];
    // Live streams are served here, not by Next (lib/realtime/live-http.ts says why).
    if ((req.url ?? '/').split('?')[0] === LIVE_PATH) {
      (liveHandler ??= import('../realtime/live-http.ts')).then(
        ({ serveLive }) => serveLive(req, res, { requestId, clientIp: ip }),
        (error: unknown) => {
          liveHandler = undefined;
          log.error({ requestId, err: error }, 'live stream handler failed to load');
          if (!res.headersSent) res.writeHead(503, { 'retry-after': '5', 'content-length': 0 }).end();
        },
      );
      return;
    }
    handle(req, res).catch((error: unknown) => {
      log.error({ requestId, err: error }, 'request handler failed');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/problem+json');
        res.end(JSON.stringify({ type: 'https://docs.waypoint.dev/errors/internal_error', title: 'Internal Server Error', status: 500, code: 'internal_error', requestId }));
      } else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  async function stop(reason: string): Promise<void> {
    const timeoutMs = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
    const deadline = performance.now() + timeoutMs;
    draining = true;
    startDraining();
    log.info({ reason, inFlight, connections: connections.size }, 'shutting down: no new connections, finishing requests in flight');
    // Stop listening, and only that (http.Server#close also drops idle keep-alive connections
    // at once, though a client may be sending its next request on one right then). Open
    // connections without a request in progress, accepted ones whose request is still on its
    // way (the client sent it before the stop) and idle keep-alive ones, get a moment to
    // deliver it; it is answered with "Connection: close". Then the ones still idle close.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const graceEnds = performance.now() + Math.min(IDLE_GRACE_MS, timeoutMs);
    while (performance.now() < graceEnds && [...connections.values()].some((active) => active === 0)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    if (inFlight > 0) log.warn({ inFlight }, 'shutdown: requests still running after the timeout are cut off');
    server.closeAllConnections();
    await closed;
    // Next's own close waits for after() callbacks (mail sent after a response, for one).
    await app.close().catch((error: unknown) => log.error({ err: error }, 'shutdown: next close failed'));
    await runShutdownHooks((line, error) => log.error({ err: error }, line), timeoutMs);
    log.info('shut down');
  }

  return {
    server,
    shutdown(reason) {
      stopping ??= stop(reason);
      return stopping;
    },
  };
}
