// Which queue runs the jobs. Inngest when it is configured (Inngest Cloud or a self-hosted
// server needs both keys; the dev server needs INNGEST_DEV), otherwise pg-boss on the app's
// own PostgreSQL, so a fresh machine runs every job with nothing else installed.

export type JobsBackend = 'inngest' | 'pg-boss';

export function inngestDevMode(): boolean {
  const value = process.env.INNGEST_DEV;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

export function jobsBackend(): JobsBackend {
  if (inngestDevMode()) return 'inngest';
  if (process.env.INNGEST_EVENT_KEY) {
    if (!process.env.INNGEST_SIGNING_KEY) {
      throw new Error('INNGEST_EVENT_KEY is set but INNGEST_SIGNING_KEY is not: set both to use Inngest, or neither to use the PostgreSQL queue.');
    }
    return 'inngest';
  }
  return 'pg-boss';
}
