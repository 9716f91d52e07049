// npm run worker: runs the background jobs (outbox relay, webhook deliveries, crons) in a
// process of their own, for deployments that start the web servers with JOBS_IN_SERVER=false.
// Needs the same DATABASE_URL and ENCRYPTION_KEY as the web servers.
import { startJobs, stopJobs } from '../jobs/start.ts';
import { loadLocalEnv } from './local-env.ts';

loadLocalEnv();
if (!process.env.DATABASE_URL) {
  console.error('worker: set DATABASE_URL to the app database (npm start runs the jobs inside the app server instead).');
  process.exit(1);
}

const backend = await startJobs();
console.log(backend === 'inngest' ? 'worker: Inngest runs the jobs through /api/inngest; this process only wakes the outbox relay.' : 'worker: running jobs; Ctrl-C to stop.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('worker: finishing running jobs…');
    void stopJobs().finally(() => process.exit(0));
  });
}
