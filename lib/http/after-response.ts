// Work whose timing or outcome must not show in the answer (e.g. whether an address has an
// account) runs after the response is sent, with Next's after(). Outside a request (scripts,
// tests) there is no response to wait for: it starts at once, and tests can wait for it.
// (The import names the file: the e2e tests' process loads this module through Node's own
// ESM resolution, since tests/e2e/support.ts makes workspaces through the sign-up service.)
// In the server, Next's close (part of Waypoint's graceful shutdown) waits for after() tasks.
import { after } from 'next/server.js';
import { logger } from '../observability/logger.ts';

const pending = new Set<Promise<void>>();

export function afterResponse(task: () => Promise<void>): void {
  const run = () => task().catch((error: unknown) => logger().error({ err: error }, 'a task run after the response failed'));
  try {
    after(run);
  } catch {
    // after() throws outside a request scope.
    const promise = run().finally(() => pending.delete(promise));
    pending.add(promise);
  }
}

/** Resolves once every task started outside a request has finished (for tests). */
export async function backgroundTasksSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
