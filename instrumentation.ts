// Next calls register() once when a server starts (not while `next build` prerenders, and
// never in tests or scripts: they do not load this file). In the Node.js server it starts
// OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set, registers what must be finished on
// shutdown (lib/server/app-shutdown.ts) and starts the job queue (lib/jobs) in the
// background: the server serves while the jobs start, or retry if the database is down.
// JOBS_IN_SERVER=false leaves the jobs to another process (npm run worker).
import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('./lib/config/env.ts');
  // Telemetry first, so the jobs' work is traced too; nothing of it loads while unset.
  if (env().OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTelemetry } = await import('./lib/observability/telemetry.ts');
    startTelemetry();
  }
  const { registerAppShutdown } = await import('./lib/server/app-shutdown.ts');
  registerAppShutdown();
  if (env().JOBS_IN_SERVER) {
    const { startJobsInBackground } = await import('./lib/jobs/start.ts');
    startJobsInBackground();
  }
}

/** Errors Next caught while rendering or routing: one log line with the request id, tenant and route. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { reportRequestError } = await import('./lib/observability/report-error.ts');
  reportRequestError(error, request, context);
};
