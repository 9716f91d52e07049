// The providers' fakes for the e2e run, started by Playwright (tests/e2e/playwright.config.ts,
// webServer): Google on E2E_FAKES_PORT, Slack on +1, Microsoft on +2, each on its own origin so
// the app's *_API_BASE needs no path prefix (tests/run.ts sets them). Starts whichever fake
// exists; when they are all up, answers GET /health on +9 for Playwright to wait on.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKES = [
  { name: 'google', file: 'google.ts', offset: 0 },
  { name: 'slack', file: 'slack.ts', offset: 1 },
  { name: 'microsoft', file: 'microsoft.ts', offset: 2 },
] as const;

export const HEALTH_OFFSET = 9;

export function fakesPort(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.E2E_FAKES_PORT ?? Number(env.E2E_PORT ?? 3100) + 1000);
}

type Starter = (options: { port: number; host?: string }) => Promise<unknown> | unknown;

/** The fake's start function: `startFake`, else its one export named start…Fake. */
function starterOf(module: Record<string, unknown>): Starter | null {
  if (typeof module.startFake === 'function') return module.startFake as Starter;
  const named = Object.entries(module).find(([name, value]) => /^start\w*Fake$/.test(name) && typeof value === 'function');
  return named ? (named[1] as Starter) : null;
}

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const base = fakesPort();
  const started: string[] = [];
  for (const fake of FAKES) {
    const file = path.join(here, fake.file);
    if (!existsSync(file)) continue;
    const start = starterOf((await import(file)) as Record<string, unknown>);
    if (!start) throw new Error(`${fake.file} exports no startFake({ port })`);
    await start({ port: base + fake.offset, host: '127.0.0.1' });
    started.push(`${fake.name} on ${base + fake.offset}`);
  }
  createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'text/plain' }).end(started.join('\n'));
  }).listen(base + HEALTH_OFFSET, '127.0.0.1');
  console.log(`fakes: ${started.join(', ') || 'none yet'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
