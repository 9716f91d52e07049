import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { env } from '../config/env.ts';

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

export function logger(): Logger {
  if (!holder[KEY]) {
    const config = env();
    holder[KEY] = pino({
      level: config.LOG_LEVEL ?? 'info',
      base: { service: config.OTEL_SERVICE_NAME ?? 'waypoint', instance: `${hostname()}:${process.pid}` },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => holder[CONTEXT]?.() ?? {},
      // Never log credentials, whatever a caller passes along.
      redact: { paths: ['password', 'token', 'secret', 'authorization', 'cookie', '*.password', '*.token', '*.secret', '*.authorization', '*.cookie'], censor: '[redacted]' },
    });
  }
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
