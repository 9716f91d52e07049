import { hostname } from 'node:os';
import pino, { type Logger, type LoggerOptions } from 'pino';
import { env } from '../config/env.ts';
import { scrub, scrubText } from './redact.ts';

// One structured (JSON, one line per event) logger per process, shared by the HTTP server
// and the app's bundles. Request-scoped lines carry requestId, tenant and route (see
// requestLogger); everything else carries the service and instance.

const KEY = Symbol.for('waypoint.logger');
const CONTEXT = Symbol.for('waypoint.logger.context');
const holder = globalThis as unknown as { [KEY]?: Logger; [CONTEXT]?: () => Record<string, string> };

/** Fields every line gets from where it is written (telemetry adds the active trace's ids). */
export function setLogContext(fields: () => Record<string, string>): void {
  holder[CONTEXT] = fields;
}

/** The message of a line (its text arguments) goes through the same scrubbing as its fields. */
function scrubMessage(this: Logger, args: Parameters<Logger['info']>, method: (...args: unknown[]) => void): void {
  method.apply(this, (args as unknown[]).map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)));
}

/** A line's fields, scrubbed; an Error under `err` is left to the err serializer (which keeps its message and stack). */
function scrubFields(fields: Record<string, unknown>): Record<string, unknown> {
  const { err, ...rest } = fields;
  const out = scrub(rest) as Record<string, unknown>;
  if (err !== undefined) out.err = err instanceof Error ? err : scrub(err);
  return out;
}

/** The logger's options (exported for tests, which write to their own stream). */
export function loggerOptions(): LoggerOptions {
  const config = env();
  const redacting = config.LOG_REDACT !== 'off';
  return {
    level: config.LOG_LEVEL ?? 'info',
    base: { service: config.OTEL_SERVICE_NAME ?? 'waypoint', instance: `${hostname()}:${process.pid}` },
    timestamp: pino.stdTimeFunctions.isoTime,
    // No credentials, email addresses or whole IP addresses, whatever a caller passes along (lib/observability/redact.ts).
    formatters: { level: (label) => ({ level: label }), ...(redacting ? { log: scrubFields } : {}) },
    // pino serializes `err` after the formatters: its serializer scrubs what it produces.
    ...(redacting ? { serializers: { err: (error: Error) => scrub(pino.stdSerializers.err(error)) } } : {}),
    ...(redacting ? { hooks: { logMethod: scrubMessage } } : {}),
    mixin: () => holder[CONTEXT]?.() ?? {},
  };
}

export function logger(): Logger {
  holder[KEY] ??= pino(loggerOptions());
  return holder[KEY];
}

export interface RequestFields {
  requestId?: string | null;
  tenantId?: string | null;
  route?: string;
}

/** A child logger whose every line names the request, its tenant and route. */
export function requestLogger(fields: RequestFields): Logger {
  return logger().child({ requestId: fields.requestId ?? undefined, tenantId: fields.tenantId ?? undefined, route: fields.route });
}
