// The bench's live case (tests/bench/bench.ts): LiveOptions.connections SSE streams on
// GET /api/app/live, one member each, all in one team, read by a light client (a raw socket
// each); one member changes the team's goal `rounds` times.
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Member } from '../../lib/auth/session.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { serverUsage } from './server.ts';
import { median, percentileOf } from './stats.ts';

export interface LiveOptions {
  port: number;
  connections: number;
  rounds: number;
  idleSeconds: number;
  /** Where the server's memory probe (tests/bench/memory-probe.mjs) writes. */
  memoryFile: string;
}

export interface LiveSetup {
  context: TenantContext;
  actor: Member;
  goalId: string;
  cookies: string[];
  host: string;
  port: number;
}

/**
 * A workspace of `connections` members in one team with one team goal, and a session cookie for
 * each (made as sign-in makes them), so each stream is a different viewer.
 */
export async function setUpLive(options: LiveOptions): Promise<LiveSetup> {
  const { db } = await import('../../lib/db/client.ts');
  process.env.NEXTAUTH_SECRET = 'bench';
  const { encode } = await import('next-auth/jwt');
  const { sessionSecret } = await import('../../lib/auth/session-secret.ts');
  const { startSession } = await import('../../lib/auth/user-sessions.ts');
  const { createGoal } = await import('../../lib/goals/goals.ts');
  const { loadTenantById } = await import('../../lib/tenancy/load-tenant.ts');
  const tenant = await db.tenant.create({ data: { slug: 'live-bench', name: 'Live bench', status: 'active', plan: 'enterprise', branding: { create: {} } } });
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: options.connections }, (_, i) => ({ email: `viewer-${i}@live-bench.test`, name: `Viewer ${i}`, emailVerifiedAt: new Date() })),
    select: { id: true, email: true, name: true },
  });
  await db.membership.createMany({ data: users.map((user) => ({ tenantId: tenant.id, userId: user.id, role: 'member' as const })) });
  const team = await db.team.create({ data: { tenantId: tenant.id, name: 'Everyone' } });
  await db.teamMember.createMany({ data: users.map((user) => ({ tenantId: tenant.id, teamId: team.id, userId: user.id })) });
  const context = (await loadTenantById(tenant.id))!;
  const membership = await db.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: tenant.id, userId: users[0].id } } });
  const actor = { userId: users[0].id, email: users[0].email, name: users[0].name, role: membership.role, membershipId: membership.id };
  const goal = await createGoal(context, actor, { title: 'Live bench goal', teamId: team.id });
  const cookies: string[] = [];
  for (let i = 0; i < users.length; i += 50) {
    const batch = await Promise.all(
      users.slice(i, i + 50).map(async (user) => {
        const session = await startSession({ userId: user.id, tenantId: tenant.id, method: 'password', ip: '203.0.113.10', userAgent: 'bench' });
        const token = await encode({ token: { uid: user.id, tid: tenant.id, sat: session.createdAt.getTime(), sid: session.id }, secret: sessionSecret(tenant.id)! });
        return `next-auth.session-token=${token}`;
      }),
    );
    cookies.push(...batch);
  }
  console.log(`[bench] live: ${options.connections} members with sessions in one team of workspace live-bench`);
  return { context, actor, goalId: goal.id, cookies, host: `live-bench.localhost:${options.port}`, port: options.port };
}

/** A light SSE client: one raw socket, the text it received, when it first saw a marker. */
class LiveSocket {
  private request?: http.ClientRequest;
  constructor(private readonly port: number) {}
  greeted = false;
  ended = false;
  status = 0;
  /** performance.now() when the marker of the current round arrived. */
  gotAt: number | null = null;
  marker: string | null = null;

  open(agent: http.Agent, host: string, cookie: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: this.port, path: '/api/app/live', agent, headers: { host, cookie, accept: 'text/event-stream' } }, (response) => {
        this.status = response.statusCode ?? 0;
        if (this.status !== 200) {
          response.resume();
          reject(new Error(`live stream answered ${this.status}`));
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (!this.greeted && chunk.includes('event: hello')) {
            this.greeted = true;
            resolve();
          }
          if (this.marker && this.gotAt === null && chunk.includes(this.marker)) this.gotAt = performance.now();
        });
        response.on('end', () => (this.ended = true));
        response.on('error', () => (this.ended = true));
      });
      request.on('error', (error) => {
        this.ended = true;
        reject(error);
      });
      request.end();
      this.request = request;
    });
  }

  close(): void {
    this.request?.destroy();
  }
}

/** The server's memory after a full GC (tests/bench/memory-probe.mjs, preloaded into it). */
async function serverMemoryAtRest(pid: number, memoryFile: string): Promise<{ rss: number; heapUsed: number; external: number }> {
  const before = (() => {
    try {
      return statSync(memoryFile).mtimeMs;
    } catch {
      return 0;
    }
  })();
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      if (statSync(memoryFile).mtimeMs > before) return JSON.parse(readFileSync(memoryFile, 'utf8')) as { rss: number; heapUsed: number; external: number };
    } catch {
      // not written yet
    }
  }
  throw new Error('the server did not report its memory');
}

async function openLiveSockets(count: number, agent: http.Agent, setup: LiveSetup): Promise<LiveSocket[]> {
  const sockets: LiveSocket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => new LiveSocket(setup.port));
    await Promise.all(batch.map((socket, j) => socket.open(agent, setup.host, setup.cookies[(i + j) % setup.cookies.length])));
    sockets.push(...batch);
  }
  return sockets;
}

/** Returns false when a round did not reach every viewer within 30 s, or per-connection memory is over 20 KB. */
export async function benchLive(pid: number, setup: LiveSetup, options: LiveOptions): Promise<boolean> {
  const { setGoalProgress } = await import('../../lib/goals/goal-progress.ts');
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  console.log(`\n[bench] live updates: ${options.connections} SSE streams (a viewer each) on one instance; one member changes a team goal, ${options.rounds} rounds`);
  // Warm the route and the hub, then let the server settle before the baseline.
  const warm = await openLiveSockets(20, agent, setup);
  warm.forEach((socket) => socket.close());
  await new Promise((r) => setTimeout(r, 3_000));
  const idleBase = serverUsage(pid);
  await new Promise((r) => setTimeout(r, 10_000));
  const idleNone = serverUsage(pid);
  const baseCpu = ((idleNone.cpu - idleBase.cpu) / 10) * 100;

  // Memory is measured twice. The first time a process holds this many connections, its heap
  // and allocator grow, and RSS keeps that growth after they close: a one-time cost. So the
  // figure judged is the steady state: after one round of opening and closing them all, what
  // the same number of streams holds.
  const fresh = await serverMemoryAtRest(pid, options.memoryFile);
  const firstRound = await openLiveSockets(options.connections, agent, setup);
  await new Promise((r) => setTimeout(r, 5_000));
  const firstTime = await serverMemoryAtRest(pid, options.memoryFile);
  const firstPerConnection = (firstTime.rss - fresh.rss) / options.connections;
  firstRound.forEach((socket) => socket.close());
  await new Promise((r) => setTimeout(r, 5_000));
  const restNone = await serverMemoryAtRest(pid, options.memoryFile);

  const opened = performance.now();
  const sockets = await openLiveSockets(options.connections, agent, setup);
  const openMs = performance.now() - opened;
  await new Promise((r) => setTimeout(r, 5_000));
  const restStreams = await serverMemoryAtRest(pid, options.memoryFile);
  const perConnection = (restStreams.rss - restNone.rss) / options.connections;
  const heapPerConnection = (restStreams.heapUsed + restStreams.external - restNone.heapUsed - restNone.external) / options.connections;

  const samples: number[] = [];
  const rounds: Record<string, string | number>[] = [];
  let ok = true;
  const fromCommit: number[] = [];
  // Round 0 warms this process's database client and the server's path; it is not counted.
  for (let round = 0; round <= options.rounds; round++) {
    for (const socket of sockets) {
      socket.gotAt = null;
      socket.marker = setup.goalId;
    }
    const started = performance.now();
    await setGoalProgress(setup.context, setup.actor, setup.goalId, { progress: round * 10 });
    const written = performance.now() - started;
    const deadline = Date.now() + 30_000;
    while (sockets.some((socket) => socket.gotAt === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const times = sockets.filter((socket) => socket.gotAt !== null).map((socket) => socket.gotAt! - started);
    if (round === 0) {
      for (const socket of sockets) socket.marker = null;
      await new Promise((r) => setTimeout(r, 1_000));
      continue;
    }
    samples.push(...times);
    fromCommit.push(...times.map((ms) => ms - written));
    const missing = sockets.length - times.length;
    if (missing > 0) ok = false;
    rounds.push({
      round,
      'change written ms': Math.round(written),
      'after commit p95 ms': Math.round(percentileOf(times, 95) - written),
      'first viewer ms': Math.round(Math.min(...times)),
      'p50 ms': Math.round(percentileOf(times, 50)),
      'p95 ms': Math.round(percentileOf(times, 95)),
      'all viewers ms': Math.round(Math.max(...times)),
      missing,
    });
    for (const socket of sockets) socket.marker = null;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  console.table(rounds);

  const idleStart = serverUsage(pid);
  await new Promise((r) => setTimeout(r, options.idleSeconds * 1000));
  const idleEnd = serverUsage(pid);
  const idleCpu = ((idleEnd.cpu - idleStart.cpu) / options.idleSeconds) * 100;
  const stillOpen = sockets.filter((socket) => !socket.ended).length;
  sockets.forEach((socket) => socket.close());
  agent.destroy();

  const p = (q: number) => Math.round(percentileOf(samples, q));
  console.log(`streams opened: ${options.connections} in ${Math.round(openMs)} ms; still open after ${options.idleSeconds}s idle: ${stillOpen}`);
  const c = (q: number) => Math.round(percentileOf(fromCommit, q));
  console.log(`time until a viewer received the change, from the member's request (${samples.length} deliveries): p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms (target: p95 under 500 ms)`);
  console.log(`the same from the change's commit (NOTIFY, hub, streams, client): p50 ${c(50)} ms, p95 ${c(95)} ms, p99 ${c(99)} ms`);
  console.log(`time until every viewer had it: median ${Math.round(median(rounds.map((row) => Number(row['all viewers ms']))))} ms over ${options.rounds} rounds`);
  console.log(`server memory per idle connection (after a full GC), steady state: ${(perConnection / 1024).toFixed(1)} KB RSS, ${(heapPerConnection / 1024).toFixed(1)} KB JS heap + external (${((restStreams.rss - restNone.rss) / 1024 / 1024).toFixed(1)} MB RSS for ${options.connections}; target: under 20 KB)`);
  console.log(`  the first ${options.connections} on the fresh process: ${(firstPerConnection / 1024).toFixed(1)} KB RSS each (the heap's and allocator's one-time growth included)`);
  console.log(`server CPU while idle: ${idleCpu.toFixed(2)}% of a core with ${options.connections} streams (heartbeats included), ${baseCpu.toFixed(2)}% with none`);
  if (stillOpen < options.connections) ok = false;
  return ok && p(95) < 500 && perConnection < 20 * 1024;
}
