import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// A second Waypoint server from the same build as the e2e suite's (`node --import tsx
// lib/cli/serve.ts`), on its own port with the suite's database and secrets, for tests that
// stop it, or start it with another configuration. Its JSON log lines are kept for assertions.

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface ExtraServer {
  child: ChildProcess;
  port: number;
  /** Parsed JSON log lines (stdout), in order. */
  logs: Record<string, unknown>[];
  /** Everything else it printed, for failure messages. */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGTERM, and the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Starts it and waits until it is live (or, with `ready`, until readiness answers 200: its database is warm). */
export async function startExtraServer(options: { port: number; env?: Record<string, string>; preload?: string[]; ready?: boolean }): Promise<ExtraServer> {
  const args = [...(options.preload ?? []).flatMap((file) => ['--import', file]), '--import', 'tsx', 'lib/cli/serve.ts'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, WAYPOINT_MODE: 'demo', LOG_LEVEL: 'info', JOBS_IN_SERVER: 'false', ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const output: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        try {
          logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          if (line.trim()) output.push(line);
        }
      }
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  const server: ExtraServer = {
    child,
    port: options.port,
    logs,
    output,
    exited,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  // Give up (and say why) if it never answers.
  const deadline = Date.now() + 60_000;
  const probe = `http://127.0.0.1:${options.port}/api/health/${options.ready ? 'ready' : 'live'}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on port ${options.port} exited (${child.exitCode}):\n${output.join('\n')}`);
    const ok = await fetch(probe).then((r) => r.ok, () => false);
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server on port ${options.port} did not start:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A port for the extra servers of a spec: E2E_PORT + offset (the suite's brief reserves the next ten). */
export function extraPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + offset;
}
