import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { extraPort, REPO_ROOT, startExtraServer } from '../support/extra-server.ts';
import { PORT } from './support.ts';

// OpenTelemetry end to end: a Waypoint server from the suite's build, started with
// OTEL_EXPORTER_OTLP_ENDPOINT pointing at a tiny OTLP/HTTP collector in this test, exports
// Next's request spans (continuing the caller's trace), Prisma's query spans and the request
// metrics; started without it, it loads no telemetry code at all.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const COLLECTOR_PORT = extraPort(3);
const TRACE_PRELOAD = path.join(REPO_ROOT, 'tests/support/module-trace.mjs');

type Attributes = Record<string, string | number | boolean>;
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Attributes;
}
interface Point {
  metric: string;
  attributes: Attributes;
  value: number;
}
interface Export {
  service: string;
  spans: Span[];
  points: Point[];
}

/** OTLP/JSON attribute lists ([{ key, value: { stringValue } }]) as a plain object. */
function attributesOf(list: { key: string; value: Record<string, unknown> }[] = []): Attributes {
  return Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0] as string | number | boolean]));
}

/** Collects what the exporters send: POST /v1/traces and /v1/metrics with OTLP/JSON bodies. */
function startCollector(): Promise<{ server: Server; exports: Export[]; paths: string[] }> {
  const exports: Export[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const resource of body.resourceSpans ?? body.resourceMetrics ?? []) {
        const service = String(attributesOf(resource.resource?.attributes)['service.name']);
        const spans: Span[] = [];
        const points: Point[] = [];
        for (const scope of resource.scopeSpans ?? []) {
          for (const span of scope.spans) spans.push({ ...span, attributes: attributesOf(span.attributes) });
        }
        for (const scope of resource.scopeMetrics ?? []) {
          for (const metric of scope.metrics) {
            const data = metric.sum ?? metric.histogram ?? metric.gauge;
            for (const point of data.dataPoints) points.push({ metric: metric.name, attributes: attributesOf(point.attributes), value: Number(point.asInt ?? point.asDouble ?? point.count) });
          }
        }
        exports.push({ service, spans, points });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) => server.listen(COLLECTOR_PORT, '127.0.0.1', () => resolve({ server, exports, paths })));
}

async function waitFor<T>(what: string, read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A GET to the server under test with the Host header given (fetch() does not let one set it). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The modules of @opentelemetry/* and @prisma/instrumentation the server loaded, besides the no-op API Next itself uses. */
function telemetryModules(file: string): string[] {
  if (!existsSync(file)) return [];
  return [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))].filter((line) => !/[\\/]@opentelemetry[\\/]api[\\/]/.test(line));
}

let collector: Awaited<ReturnType<typeof startCollector>>;
test.beforeAll(async () => {
  collector = await startCollector();
});
test.afterAll(() => new Promise<void>((resolve) => collector.server.close(() => resolve())));

test('with OTEL_EXPORTER_OTLP_ENDPOINT set, request spans, Prisma spans and request metrics reach the collector', async () => {
  const traceFile = path.join(REPO_ROOT, `.data/module-trace-otel-${process.pid}.txt`);
  rmSync(traceFile, { force: true });
  const server = await startExtraServer({
    port: extraPort(1),
    ready: true,
    preload: [TRACE_PRELOAD],
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${COLLECTOR_PORT}`, OTEL_METRIC_EXPORT_INTERVAL: '1000', OTEL_SERVICE_NAME: 'waypoint-e2e-otel', MODULE_TRACE_FILE: traceFile },
  });
  try {
    // The caller's trace (a load balancer's, say) continues in Waypoint's spans.
    const traceId = randomBytes(16).toString('hex');
    expect(await get(server.port, '/api/health/ready', { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` })).toBe(200);
    expect(await get(server.port, '/api/tenant', { host: `acme.localhost:${PORT}` })).toBe(200);
    expect(await get(server.port, '/api/v1/users/me', { host: `localhost:${PORT}` })).toBe(401);

    const spans = () => collector.exports.filter((e) => e.service === 'waypoint-e2e-otel').flatMap((e) => e.spans);
    const request = await waitFor('the request span of /api/health/ready', () =>
      spans().find((span) => span.traceId === traceId && span.attributes['next.span_type'] === 'BaseServer.handleRequest' && span.attributes['http.route'] === '/api/health/ready'),
    );
    expect(request).toMatchObject({ name: 'GET /api/health/ready', kind: 2, attributes: { 'http.status_code': 200, 'http.method': 'GET' } });
    // The readiness check's query, in the same trace.
    const query = await waitFor('a Prisma query span in that trace', () => spans().find((span) => span.traceId === traceId && span.name === 'prisma:client:db_query'));
    expect(query.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'db.query.text': 'SELECT 1' });

    const points = () => collector.exports.filter((e) => e.service === 'waypoint-e2e-otel').flatMap((e) => e.points);
    const counted = (route: string, status: number) =>
      points().find((p) => p.metric === 'waypoint.http.server.requests' && p.attributes['http.route'] === route && p.attributes['http.response.status_code'] === status && p.value >= 1);
    await waitFor('the request counter of /api/tenant', () => counted('/api/tenant', 200));
    await waitFor('the request counter of the refused /api/v1/users/me', () => counted('/api/v1/users/me', 401));
    const duration = await waitFor('the duration histogram', () =>
      points().find((p) => p.metric === 'http.server.request.duration' && p.attributes['http.route'] === '/api/health/ready' && p.attributes['http.response.status_code'] === 200 && p.value >= 1),
    );
    expect(duration.attributes).toEqual({ 'http.request.method': 'GET', 'http.route': '/api/health/ready', 'http.response.status_code': 200 });
    // One request is one count, not one per pass Next makes through the proxy and the route.
    expect(counted('/api/tenant', 200)?.value).toBe(1);
    expect(collector.paths.some((line) => line.startsWith('POST /v1/traces application/json'))).toBe(true);
    expect(collector.paths.some((line) => line.startsWith('POST /v1/metrics application/json'))).toBe(true);
  } finally {
    const exit = await server.stop();
    expect(exit.code, server.output.join('\n')).toBe(0);
  }
  // The module trace sees the exporters: the check below is able to fail.
  expect(telemetryModules(traceFile).some((line) => line.includes('exporter-trace-otlp-http'))).toBe(true);
  rmSync(traceFile, { force: true });
});

test('with OTEL_EXPORTER_OTLP_ENDPOINT unset, no telemetry module is loaded and nothing is sent', async () => {
  const traceFile = path.join(REPO_ROOT, `.data/module-trace-plain-${process.pid}.txt`);
  rmSync(traceFile, { force: true });
  const server = await startExtraServer({
    port: extraPort(2),
    ready: true,
    preload: [TRACE_PRELOAD],
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: 'waypoint-e2e-plain', MODULE_TRACE_FILE: traceFile },
  });
  try {
    expect(await get(server.port, '/api/health/ready')).toBe(200);
    expect(await get(server.port, '/api/tenant', { host: `acme.localhost:${PORT}` })).toBe(200);
    expect(await get(server.port, '/api/v1/users/me', { host: `localhost:${PORT}` })).toBe(401);
  } finally {
    const exit = await server.stop();
    expect(exit.code, server.output.join('\n')).toBe(0);
  }
  expect(telemetryModules(traceFile)).toEqual([]);
  expect(collector.exports.filter((e) => e.service === 'waypoint-e2e-plain')).toEqual([]);
  rmSync(traceFile, { force: true });
});
