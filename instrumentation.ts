// Next calls register() once when a server starts. The job queue (lib/jobs) may run inside
// the Node.js server at run time: not on the Edge runtime, not while `next build` prerenders,
// and never in tests or scripts (they do not load this file; tests call startJobs() themselves).
//
// For now it is opt-in (JOBS_IN_SERVER=true): nothing consumes domain events yet (webhook
// delivery is not wired), so the queue has no work to do in the server; events wait in the
// outbox. It becomes the default when webhook delivery lands.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build' && process.env.JOBS_IN_SERVER === 'true') {
    const { startJobs } = await import('./lib/jobs/start.ts');
    await startJobs();
  }
}
