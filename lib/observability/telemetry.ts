import { hostname } from 'node:os';
import { context, metrics, propagation, trace, type Counter, type Histogram, type Meter } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, TracerProvider, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { PrismaInstrumentation, registerInstrumentations } from '@prisma/instrumentation';
import { env } from '../config/env.ts';
import { onShutdown } from '../server/lifecycle.ts';
import { logger, setLogContext } from './logger.ts';

// OpenTelemetry traces and metrics over OTLP/HTTP, started by instrumentation.ts only when
// OTEL_EXPORTER_OTLP_ENDPOINT is set (the module is imported lazily: with the variable unset
// none of this is loaded). Next emits its own spans once a tracer provider is registered: one
// SERVER span per request ("GET /api/v1/goals", with http.route and http.status_code), route
// handlers and rendering beneath it. Prisma adds a span per query (@prisma/instrumentation).
// Request metrics are taken from Next's SERVER spans, so they carry the same route and status.

const SERVER_SPAN = 'BaseServer.handleRequest';

/** The standard boundaries for http.server.request.duration (seconds). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

function hrSeconds([seconds, nanos]: [number, number]): number {
  return seconds + nanos / 1e9;
}

/**
 * Counts requests and records their duration from Next's per-request SERVER spans. When the
 * proxy lets a request through, Next handles it in two passes, each with a SERVER span: the
 * proxy's pass ends first and is marked `next.bubble` (it handed the request on); the render
 * pass answers it, with the route. A request the proxy answers itself has the one span.
 */
export class HttpServerMetrics implements SpanProcessor {
  private readonly requests: Counter;
  private readonly duration: Histogram;

  constructor(meter: Meter) {
    this.requests = meter.createCounter('waypoint.http.server.requests', { unit: '{request}', description: 'HTTP requests answered, by route and status.' });
    this.duration = meter.createHistogram('http.server.request.duration', {
      unit: 's',
      description: 'Duration of HTTP server requests.',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    if (span.attributes['next.span_type'] !== SERVER_SPAN || span.attributes['next.bubble'] === true) return;
    const attributes = {
      'http.request.method': String(span.attributes['http.method'] ?? 'GET'),
      // The route pattern ("/api/v1/goals/[id]"), never the path: one series per route.
      'http.route': String(span.attributes['http.route'] ?? 'unmatched'),
      'http.response.status_code': Number(span.attributes['http.status_code'] ?? 0),
    };
    this.requests.add(1, attributes);
    this.duration.record(hrSeconds(span.duration), attributes);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

/** `<endpoint>/v1/traces`, as the OTLP specification builds signal URLs from OTEL_EXPORTER_OTLP_ENDPOINT. */
export function signalUrl(endpoint: string, signal: 'traces' | 'metrics'): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/${signal}`;
}

const KEY = Symbol.for('waypoint.telemetry');
const holder = globalThis as unknown as { [KEY]?: { tracerProvider: TracerProvider; meterProvider: MeterProvider } };

/** Registers the tracer and meter providers once per process and flushes them at shutdown. */
export function startTelemetry(): void {
  if (holder[KEY]) return;
  const config = env();
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return;
  const resource = defaultResource().merge(
    resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME ?? 'waypoint', 'service.instance.id': `${hostname()}:${process.pid}` }),
  );

  const meterProvider = new MeterProvider({
    resource,
    readers: [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url: signalUrl(endpoint, 'metrics') }), exportIntervalMillis: config.OTEL_METRIC_EXPORT_INTERVAL })],
  });
  const tracerProvider = new TracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: signalUrl(endpoint, 'traces') }) }), new HttpServerMetrics(meterProvider.getMeter('waypoint'))],
  });

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // W3C trace context in and out: a trace that starts at the load balancer continues here.
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  registerInstrumentations({ instrumentations: [new PrismaInstrumentation()], tracerProvider, meterProvider });
  holder[KEY] = { tracerProvider, meterProvider };

  // Log lines written inside a traced request carry its trace and span ids.
  setLogContext((): Record<string, string> => {
    const span = trace.getActiveSpan()?.spanContext();
    return span ? { traceId: span.traceId, spanId: span.spanId } : {};
  });

  // After the last request and the drained work: what is buffered goes out before the exit.
  onShutdown('telemetry', 'close', async () => {
    await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
  });
  logger().info({ endpoint: new URL(endpoint).origin, metricIntervalMs: config.OTEL_METRIC_EXPORT_INTERVAL }, 'telemetry: exporting traces and metrics over OTLP/HTTP');
}
