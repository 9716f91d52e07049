// Next calls register() once when a server starts. The job queue (lib/jobs) runs inside the
// Node.js server: not on the Edge runtime, not while `next build` prerenders, and never in
// tests or scripts (they do not load this file; tests call startJobs() themselves).
// JOBS_IN_SERVER=false leaves the jobs to another process (npm run worker). The server does
// not wait for the queue: it serves while the jobs start (or retry, if the database is down).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build' && process.env.JOBS_IN_SERVER !== 'false') {
    const { startJobsInBackground } = await import('./lib/jobs/start.ts');
    startJobsInBackground();
  }
}
