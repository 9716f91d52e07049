// Next calls register() once when a server starts (not while `next build` prerenders, and
// never in tests or scripts: they do not load this file). In the Node.js server it registers
// what must be finished on shutdown (lib/server/app-shutdown.ts) and starts the job queue
// (lib/jobs) in the background: the server serves while the jobs start, or retry if the
// database is down. JOBS_IN_SERVER=false leaves the jobs to another process (npm run worker).
import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { registerAppShutdown } = await import('./lib/server/app-shutdown.ts');
  registerAppShutdown();
  const { env } = await import('./lib/config/env.ts');
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
