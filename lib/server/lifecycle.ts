// Shutdown hooks and readiness, shared by the HTTP server (lib/server/http-server.ts) and the
// app's bundles (instrumentation.ts registers what the app must finish: the request log, the
// job workers, connection pools). Next loads lib/ modules once per bundle, so the state lives
// on globalThis; the server process and its bundles are one process.

export type ShutdownPhase = 'drain' | 'close';

interface Hook {
  name: string;
  phase: ShutdownPhase;
  run: () => Promise<void> | void;
}

interface State {
  draining: boolean;
  hooks: Map<string, Hook>;
  /** Called as soon as draining starts (before the server waits for requests in flight). */
  onDrain?: Map<string, () => void>;
}

const KEY = Symbol.for('waypoint.lifecycle');
const holder = globalThis as unknown as { [KEY]?: State };

function state(): State {
  holder[KEY] ??= { draining: false, hooks: new Map() };
  return holder[KEY];
}

/**
 * Runs `run` when the process stops, after the last request has been answered. 'drain' hooks
 * finish work in flight (flush buffers, stop workers after their current job); 'close' hooks
 * then release connections. One hook per name: registering again replaces it.
 */
export function onShutdown(name: string, phase: ShutdownPhase, run: Hook['run']): void {
  state().hooks.set(name, { name, phase, run });
}

/** True once the server is stopping: readiness fails so load balancers send traffic elsewhere. */
export function isDraining(): boolean {
  return state().draining;
}

export function startDraining(): void {
  const s = state();
  if (s.draining) return;
  s.draining = true;
  for (const [name, run] of s.onDrain ?? []) {
    try {
      run();
    } catch (error) {
      console.error(`shutdown: ${name} failed`, error);
    }
  }
}

/**
 * Runs `run` the moment the server starts stopping, before it waits for requests in flight:
 * responses that never end by themselves (live streams) end here, so they do not hold the
 * shutdown up until its timeout; their clients reconnect to another instance.
 */
export function onDrainStart(name: string, run: () => void): void {
  const s = state();
  s.onDrain ??= new Map();
  s.onDrain.set(name, run);
}

/** Runs every hook of each phase (drain, then close); a failing or slow hook does not stop the others. */
export async function runShutdownHooks(log: (line: string, error?: unknown) => void, timeoutMs: number): Promise<void> {
  for (const phase of ['drain', 'close'] as const) {
    const hooks = [...state().hooks.values()].filter((hook) => hook.phase === phase);
    await Promise.all(
      hooks.map(async (hook) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
          await Promise.race([Promise.resolve().then(hook.run), timeout]);
        } catch (error) {
          log(`shutdown: ${hook.name} failed`, error);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }
}
