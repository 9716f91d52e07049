import type { JobName } from './job-types.ts';

// A job's fairness limit on pg-boss, which has no concurrency keys: attempts in flight per job
// and key value, counted in this process (as its concurrency is a count of this process's
// workers). Inngest holds the same limit for the whole app through its concurrency key.

const inFlight = new Map<string, number>();

const slot = (name: JobName, key: string) => `${name}\u0000${key}`;

/** Takes a slot for one attempt unless `limit` attempts of this job and key already run here. */
export function takeKeySlot(name: JobName, key: string, limit: number): boolean {
  const count = inFlight.get(slot(name, key)) ?? 0;
  if (count >= limit) return false;
  inFlight.set(slot(name, key), count + 1);
  return true;
}

export function releaseKeySlot(name: JobName, key: string): void {
  const count = (inFlight.get(slot(name, key)) ?? 1) - 1;
  if (count > 0) inFlight.set(slot(name, key), count);
  else inFlight.delete(slot(name, key));
}
