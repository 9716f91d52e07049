// One readiness check: a probe that must settle within a deadline. A database that hangs
// (a network partition, a full connection pool) must fail the check quickly rather than hold
// the load balancer's probe until it gives up on its own.

export type Probe = () => Promise<unknown>;

export interface CheckResult {
  status: 'ok' | 'fail';
  latencyMs: number;
  /** Why it failed, in words safe to show anyone (the details go to the log). */
  reason?: 'timeout' | 'error';
  /** Server-side only: the error the probe threw. */
  error?: unknown;
}

export async function runProbe(probe: Probe, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const latency = () => Math.round((performance.now() - started) * 10) / 10;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(probe), deadline]);
    if (outcome === 'timeout') return { status: 'fail', latencyMs: latency(), reason: 'timeout', error: new Error(`no answer within ${timeoutMs} ms`) };
    return { status: 'ok', latencyMs: latency() };
  } catch (error) {
    return { status: 'fail', latencyMs: latency(), reason: 'error', error };
  } finally {
    clearTimeout(timer);
  }
}
