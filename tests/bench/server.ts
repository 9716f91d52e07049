// The benchmarks' server (lib/cli/serve.ts in a child process): starting it with the probes
// preloaded, waiting for it, and reading its memory and CPU from outside.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Starts lib/cli/serve.ts on `port` with tests/bench/memory-probe.mjs (and `preload`, more
 * modules run before the app) preloaded; its output is shown with BENCH_SERVER_LOG=1.
 */
export function startBenchServer(port: number, env: NodeJS.ProcessEnv, preload: string[] = []): ChildProcess {
  const imports = ['./tests/bench/memory-probe.mjs', ...preload, 'tsx'].flatMap((module) => ['--import', module]);
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return spawn(process.execPath, [...profile, '--expose-gc', ...imports, 'lib/cli/serve.ts'], {
    env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore',
  });
}

export async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become healthy');
}

/** The server's resident memory (bytes) and CPU time (seconds), from /proc. */
export function serverUsage(pid: number): { rss: number; cpu: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks (100/s).
  return { rss, cpu: (Number(fields[11]) + Number(fields[12])) / 100 };
}
