// npm run worker: runs the background jobs (outbox relay, webhook deliveries, crons) in a
// process of their own, for deployments that start the web servers with JOBS_IN_SERVER=false.
// Needs the same configuration as the web servers (DATABASE_URL, ENCRYPTION_KEY, …); in
// production mode it checks it the same way and refuses to start without it.
import { existsSync } from 'node:fs';
import { bootProblems, startMode } from '../config/env.ts';
import { startJobs, stopJobs } from '../jobs/start.ts';
import { loadLocalEnv } from './local-env.ts';

process.env.WAYPOINT_MODE = startMode();
if (process.env.WAYPOINT_MODE === 'production') {
  if (existsSync('.env')) process.loadEnvFile('.env');
} else loadLocalEnv();
const problems = bootProblems();
if (problems.length > 0 || !process.env.DATABASE_URL) {
  const lines = problems.length > 0 ? problems : ['DATABASE_URL is not set: the worker needs the app database (npm start runs the jobs inside the app server instead).'];
  console.error(`worker: cannot start:\n${lines.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(78);
}

const backend = await startJobs();
console.log(backend === 'inngest' ? 'worker: Inngest runs the jobs through /api/inngest; this process only wakes the outbox relay.' : 'worker: running jobs; Ctrl-C to stop.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('worker: finishing running jobs…');
    void stopJobs().finally(() => process.exit(0));
  });
}
