// Work whose timing or outcome must not show in the answer (e.g. whether an address has an
// account) runs after the response is sent, with Next's after(). Outside a request (scripts,
// tests) there is no response to wait for: it starts at once, and tests can wait for it.
// (The import names the file: the e2e tests' process loads this module through Node's own
// ESM resolution, since tests/e2e/support.ts makes workspaces through the sign-up service.)
import { after } from 'next/server.js';

const pending = new Set<Promise<void>>();

export function afterResponse(task: () => Promise<void>): void {
  const run = () => task().catch((error: unknown) => console.error('[after-response] a background task failed:', error));
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
