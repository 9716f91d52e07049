import { env } from '../config/env.ts';

// Which queue runs the jobs. Inngest when it is configured (Inngest Cloud or a self-hosted
// server needs both keys; the dev server needs INNGEST_DEV), otherwise pg-boss on the app's
// own PostgreSQL, so a fresh machine runs every job with nothing else installed.

export type JobsBackend = 'inngest' | 'pg-boss';

export function inngestDevMode(): boolean {
  const value = env().INNGEST_DEV;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

export function jobsBackend(): JobsBackend {
  if (inngestDevMode()) return 'inngest';
  // The configuration schema refuses one key without the other.
  if (env().INNGEST_EVENT_KEY) return 'inngest';
  return 'pg-boss';
}
