// The providers' fakes for the e2e run, started by Playwright (tests/e2e/playwright.config.ts,
// webServer) before Waypoint's server: Google, Slack and the AI coach's OpenAI-compatible
// provider, whichever of their fakes exist here.
// Each listens on a port of its own choosing with credentials of its own; this process answers
// GET /health and GET /fakes.json (their URLs and credentials) on E2E_FAKES_PORT, which
// serve-app.ts reads to give the app its GOOGLE_*, SLACK_* and COACH_* variables. Microsoft is left out
// on purpose: Outlook stays "not configured" in the e2e run.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningFake {
  url: string;
  clientId: string;
  clientSecret: string;
  signingSecret?: string;
  account?: { email?: string };
  /** The coach's provider: the model it serves (its API key is clientSecret). */
  model?: string;
}

export type FakesInfo = Partial<Record<'google' | 'slack' | 'coach', RunningFake>>;

const FAKES = [
  { name: 'google', file: 'google.ts', start: 'startFakeGoogle' },
  { name: 'slack', file: 'slack.ts', start: 'startFakeSlack' },
  { name: 'coach', file: 'openai.ts', start: 'startFakeOpenAI' },
] as const;

export function fakesPort(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.E2E_FAKES_PORT ?? Number(env.E2E_PORT ?? 3100) + 1000);
}

/** What the fakes' server says about them (serve-app.ts, and specs that need an account's email). */
export async function fakesInfo(port = fakesPort()): Promise<FakesInfo> {
  const response = await fetch(`http://127.0.0.1:${port}/fakes.json`);
  if (!response.ok) throw new Error(`fakes server: ${response.status}`);
  return (await response.json()) as FakesInfo;
}

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const info: FakesInfo = {};
  for (const fake of FAKES) {
    const file = path.join(here, fake.file);
    if (!existsSync(file)) continue;
    const start = ((await import(file)) as Record<string, unknown>)[fake.start];
    if (typeof start !== 'function') throw new Error(`${fake.file} does not export ${fake.start}()`);
    const running = (await start()) as Partial<Omit<RunningFake, 'url'>> & { url: string | (() => string); apiKey?: string };
    // Google's fake has a url, Slack's a url() (its base path is configurable).
    const url = typeof running.url === 'function' ? running.url() : running.url;
    info[fake.name] = {
      url,
      clientId: running.clientId ?? '',
      // The coach's provider has an API key rather than a client secret.
      clientSecret: running.clientSecret ?? running.apiKey ?? '',
      signingSecret: running.signingSecret,
      account: running.account?.email ? { email: running.account.email } : undefined,
      model: running.model,
    };
  }
  const port = fakesPort();
  createServer((req, res) => {
    if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(Object.keys(info).join(' ') || 'none');
    if (req.url === '/fakes.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(info));
    res.writeHead(404).end();
  }).listen(port, '127.0.0.1', () => console.log(`fakes on ${port}: ${Object.entries(info).map(([name, fake]) => `${name} ${fake.url}`).join(', ') || 'none yet'}`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
