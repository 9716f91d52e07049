// npm run bench: what tenant resolution costs. Starts `next start` on a throw-away database
// and drives GET /api/tenant with autocannon, once with the root domain's Host (no tenant
// lookup: the baseline) and once with acme's (proxy resolves the host, warm cache).
import { spawn } from 'node:child_process';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { NEXT_BIN, buildIsStale, runNextBuild } from '../../lib/cli/next-build.ts';
import { createTestDatabase } from '../support/test-database.ts';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function measure(host: string, path: string, duration: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `http://127.0.0.1:${PORT}${path}`, connections: CONNECTIONS, duration, headers: { host: `${host}:${PORT}` } },
      (error: Error | null, result: { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }) => {
        if (error) reject(error);
        else resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
      },
    );
  });
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('next start did not become healthy');
}

const database = await createTestDatabase((line) => console.log(`[bench] ${line}`));
process.env.DATABASE_URL = database.url;
await (await import('../../lib/seed/seed-demo.ts')).seedDemo();
await (await import('../../lib/db/client.ts')).disconnectDb();
const env = { ...process.env, DATABASE_URL: database.url, ROOT_DOMAIN: `localhost:${PORT}`, NEXTAUTH_SECRET: 'bench', NEXT_TELEMETRY_DISABLED: '1' };
if (buildIsStale()) runNextBuild(env);

const server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(PORT)], { env, stdio: 'ignore' });
try {
  await waitForHealth();
  const targets = [
    { label: 'root domain (no tenant lookup)', host: 'localhost' },
    { label: 'acme.localhost (tenant resolved, warm cache)', host: 'acme.localhost' },
  ];
  console.log(`[bench] warming up, then ${ROUNDS} interleaved rounds of ${DURATION}s per target, ${CONNECTIONS} connections, GET /api/tenant`);
  for (const target of targets) await measure(target.host, '/api/tenant', 3);
  const samples = targets.map(() => [] as Sample[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, target] of targets.entries()) samples[i].push(await measure(target.host, '/api/tenant', DURATION));
  }
  const avg = (list: Sample[], key: keyof Sample) => list.reduce((sum, s) => sum + s[key], 0) / list.length;
  const rows = targets.map((target, i) => ({
    target: target.label,
    'req/s': Math.round(avg(samples[i], 'rps')),
    'p50 ms': avg(samples[i], 'p50').toFixed(1),
    'p99 ms': avg(samples[i], 'p99').toFixed(1),
    'errors+non2xx': avg(samples[i], 'errors') + avg(samples[i], 'non2xx'),
  }));
  console.table(rows);
  const overhead = (1 - rows[1]['req/s'] / rows[0]['req/s']) * 100;
  console.log(`tenant resolution throughput overhead: ${overhead.toFixed(1)}% (target: under 10%)`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await database.cleanup();
}
