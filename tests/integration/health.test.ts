import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { GET as healthRoute } from '../../app/api/health/route.ts';
import { GET as liveRoute } from '../../app/api/health/live/route.ts';
import { GET as readyRoute } from '../../app/api/health/ready/route.ts';

// The routes as a load balancer calls them: GET, any host, no credentials.
const probe = (route: typeof healthRoute, path: string) => () => route(new NextRequest(`http://10.0.0.5:3000${path}`), { params: Promise.resolve({}) });
const health = probe(healthRoute, '/api/health');
const live = probe(liveRoute, '/api/health/live');
const ready = probe(readyRoute, '/api/health/ready');
import { disconnectDb } from '../../lib/db/client.ts';
import { CHECK_TIMEOUT_MS } from '../../lib/health/readiness.ts';
import { startJobs, stopJobs } from '../../lib/jobs/queue.ts';
import { closeApiRateLimiter } from '../../lib/ratelimit/index.ts';

// The health routes as a load balancer calls them, against the real test database, a database
// that refuses connections, one that accepts and never answers, the job queue and Redis.

const REDIS_URL = process.env.REDIS_URL;
const lifecycle = globalThis as unknown as { [key: symbol]: { draining: boolean } | undefined };
const jobsStatus = globalThis as unknown as { __waypointJobsStatus?: { running: boolean; lastError?: string } };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A "database" that accepts connections and never says a word (a partition, a stuck server). */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

/** Points the app's database client at another URL (the next query makes a new client). */
async function useDatabase(url: string): Promise<void> {
  await disconnectDb();
  vi.stubEnv('DATABASE_URL', url);
}

async function read(response: Response) {
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body: await response.json() };
}

beforeEach(async () => {
  // Each test says what this process runs; by default no jobs and no shared rate-limit store.
  vi.stubEnv('JOBS_IN_SERVER', 'false');
  vi.stubEnv('REDIS_URL', '');
  await closeApiRateLimiter();
});

afterEach(async () => {
  await disconnectDb();
  await closeApiRateLimiter();
  vi.unstubAllEnvs();
});

afterAll(() => disconnectDb());

describe('GET /api/health/live', () => {
  it('answers 200 while the process runs, even with the database gone', async () => {
    await useDatabase(`postgresql://postgres@127.0.0.1:${await closedPort()}/waypoint`);
    const answer = await read(await live());
    expect(answer).toMatchObject({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
    expect(answer.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    // The same process is not ready: live did not ask the database.
    expect((await ready()).status).toBe(503);
  });
});

describe('GET /api/health/ready', () => {
  it('answers 200 with the database check when everything answers', async () => {
    const answer = await read(await ready());
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe('no-store');
    expect(answer.body.status).toBe('ok');
    expect(Object.keys(answer.body.checks)).toEqual(['database']);
    expect(answer.body.checks.database).toMatchObject({ status: 'ok' });
    expect(answer.body.checks.database.latencyMs).toBeLessThan(CHECK_TIMEOUT_MS);
  });

  it('answers 503 naming the database when it refuses connections, without showing where it is', async () => {
    const port = await closedPort();
    await useDatabase(`postgresql://postgres:s3cret@127.0.0.1:${port}/waypoint`);
    const answer = await read(await ready());
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: 'unavailable', checks: { database: { status: 'fail', reason: 'error' } } });
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(String(port));
    expect(text).not.toContain('s3cret');
  });

  it('answers 503 within the deadline when the database accepts but never answers', async () => {
    const silent = await silentServer();
    try {
      await useDatabase(`postgresql://postgres@127.0.0.1:${silent.port}/waypoint`);
      const started = performance.now();
      const answer = await read(await ready());
      const took = performance.now() - started;
      expect(answer.status).toBe(503);
      expect(answer.body.checks.database).toMatchObject({ status: 'fail', reason: 'timeout' });
      expect(took).toBeGreaterThanOrEqual(CHECK_TIMEOUT_MS - 50);
      expect(took).toBeLessThan(CHECK_TIMEOUT_MS + 1_500);
    } finally {
      silent.sockets.forEach((socket) => socket.destroy());
      silent.server.close();
    }
  });

  it('answers 503 while the server is stopping, without asking anything', async () => {
    const key = Symbol.for('waypoint.lifecycle');
    const saved = lifecycle[key];
    lifecycle[key] = { ...(saved ?? { hooks: new Map() }), draining: true } as never;
    try {
      await useDatabase(`postgresql://postgres@127.0.0.1:${await closedPort()}/waypoint`);
      const answer = await read(await ready());
      expect(answer).toEqual({ status: 503, cacheControl: 'no-store', body: { status: 'draining', checks: {} } });
    } finally {
      lifecycle[key] = saved;
    }
  });

  it('checks the PostgreSQL job queue when this process runs the jobs', async () => {
    vi.stubEnv('JOBS_IN_SERVER', 'true');
    const before = await read(await ready());
    expect(before.status).toBe(503);
    expect(before.body.checks).toMatchObject({ database: { status: 'ok' }, jobs: { status: 'fail', reason: 'error' } });

    // The queue alone, in a schema of its own: no workers, so no other test's jobs are taken.
    await startJobs({ schema: 'pgboss_health_test' });
    try {
      const running = await read(await ready());
      expect(running.status).toBe(200);
      expect(running.body.checks).toMatchObject({ database: { status: 'ok' }, jobs: { status: 'ok' } });
    } finally {
      await stopJobs();
    }
    const stopped = await read(await ready());
    expect(stopped.status).toBe(503);
    expect(stopped.body.checks.jobs.status).toBe('fail');
  });

  it('with Inngest, is ready once the jobs (the outbox wake-ups) have started here', async () => {
    vi.stubEnv('JOBS_IN_SERVER', 'true');
    vi.stubEnv('INNGEST_DEV', '1');
    const saved = jobsStatus.__waypointJobsStatus;
    try {
      jobsStatus.__waypointJobsStatus = { running: false, lastError: 'database unreachable' };
      const failed = await read(await ready());
      expect(failed.status).toBe(503);
      expect(failed.body.checks.jobs).toMatchObject({ status: 'fail', reason: 'error' });
      jobsStatus.__waypointJobsStatus = { running: true };
      expect((await ready()).status).toBe(200);
    } finally {
      jobsStatus.__waypointJobsStatus = saved;
    }
  });

  it('answers 503 naming the rate-limit store when its Redis is unreachable', async () => {
    vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${await closedPort()}`);
    const answer = await read(await ready());
    expect(answer.status).toBe(503);
    expect(answer.body.checks).toMatchObject({ database: { status: 'ok' }, rateLimitStore: { status: 'fail' } });
  });

  // CI and the project machines set REDIS_URL; a newcomer's machine may have no Redis to talk to.
  it.skipIf(!REDIS_URL)('checks the shared rate-limit store (REDIS_URL) and is ready when it answers (skipped: set REDIS_URL to run)', async () => {
    vi.stubEnv('REDIS_URL', REDIS_URL ?? '');
    const answer = await read(await ready());
    expect(answer.status).toBe(200);
    expect(answer.body.checks).toMatchObject({ database: { status: 'ok' }, rateLimitStore: { status: 'ok' } });
  });
});

describe('GET /api/health', () => {
  it('answers like /api/health/ready', async () => {
    expect(await read(await health())).toMatchObject({ status: 200, cacheControl: 'no-store', body: { status: 'ok', checks: { database: { status: 'ok' } } } });
    await useDatabase(`postgresql://postgres@127.0.0.1:${await closedPort()}/waypoint`);
    expect(await read(await health())).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: { status: 'fail' } } } });
  });
});
