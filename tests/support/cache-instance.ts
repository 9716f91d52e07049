import { createInterface } from 'node:readline';
import { getTenantById } from '../../lib/tenancy/tenant-cache.ts';

// A second app instance for tests/integration/scaling-out.test.ts: its own process, so its own
// in-memory tenant cache and its own LISTEN connection, as in the Next server (NEXT_RUNTIME).
// Reads one command per line on stdin and answers one JSON line on stdout:
//   tenant <id>   the tenant's name as this instance's cache gives it
//   listening     once the LISTEN connection is up

process.env.NEXT_RUNTIME = 'nodejs';
const notify = globalThis as unknown as { __waypointNotify?: { client?: unknown } };

async function answer(line: string): Promise<unknown> {
  const [command, arg] = line.trim().split(' ');
  if (command === 'tenant') return { name: (await getTenantById(arg))?.name ?? null };
  if (command === 'listening') {
    for (let i = 0; i < 100 && !notify.__waypointNotify?.client; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return { listening: Boolean(notify.__waypointNotify?.client) };
  }
  return { error: `unknown command ${command}` };
}

const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    process.stdout.write(`${JSON.stringify(await answer(line).catch((error: Error) => ({ error: error.message })))}\n`);
  });
});
lines.on('close', () => process.exit(0));
