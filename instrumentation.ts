// Next calls register() once when a server starts. The jobs start only in the Node.js
// server at run time: not on the Edge runtime, not while `next build` prerenders, and never
// in tests or scripts (they do not load this file; tests call startJobs() themselves).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startJobs } = await import('./lib/jobs/start.ts');
    await startJobs();
  }
}
