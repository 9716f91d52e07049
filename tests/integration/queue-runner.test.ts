import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { QueueRunner } from '../../lib/jobs/queue-runner.ts';

// The runner of one queue on real pg-boss, in a schema of its own: jobs run at most
// `concurrency` at once, a slow job holds up nobody else's, and every job ends completed
// with its own output, or failed.
const SCHEMA = 'pgboss_runner_test';
const QUEUE = 'runner-test';

let boss: PgBoss;

beforeAll(async () => {
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: SCHEMA, max: 4, supervise: false, schedule: false });
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 0 });
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function jobs() {
  return db.$queryRawUnsafe<{ n: number; state: string; output: { n?: number; message?: string } | null; completedOn: Date | null }[]>(
    `SELECT (data->>'n')::int AS n, state::text AS state, output, completed_on AS "completedOn" FROM ${SCHEMA}.job WHERE name = $1 ORDER BY (data->>'n')::int`,
    QUEUE,
  );
}

describe('the queue runner', () => {
  it('runs up to its concurrency at once, lets a slow job hold up nobody, and completes each job with its output', async () => {
    // Job 0, the slow one, first (higher priority): it is in the first fetch.
    await boss.insert(Array.from({ length: 60 }, (_, n) => ({ name: QUEUE, data: { n }, priority: n === 0 ? 1 : 0 })));
    let running = 0;
    let most = 0;
    let slowStarted = 0;
    const runner = new QueueRunner<{ n: number }>(boss, {
      name: QUEUE,
      concurrency: 8,
      pollingIntervalSeconds: 0.2,
      run: async ({ data: { n } }) => {
        running += 1;
        most = Math.max(most, running);
        if (n === 0) slowStarted = Date.now();
        try {
          await sleep(n === 0 ? 1500 : 10);
          if (n === 59) throw new Error('job 59 fails');
          return { n };
        } finally {
          running -= 1;
        }
      },
      onError: (error) => {
        throw error;
      },
    });
    const started = Date.now();
    runner.start();
    let rows = await jobs();
    while (rows.some((row) => row.state === 'created' || row.state === 'active') && Date.now() - started < 15_000) {
      await sleep(50);
      rows = await jobs();
    }
    await runner.stop(5000);
    rows = await jobs();

    expect(most).toBe(8);
    expect(rows.filter((row) => row.state === 'completed').map((row) => row.output?.n)).toEqual(Array.from({ length: 59 }, (_, n) => n));
    expect(rows[59]).toMatchObject({ state: 'failed', output: { message: 'job 59 fails' } });
    // The 58 quick jobs all ran while job 0 did: it held only its own place.
    const slowEnded = rows[0].completedOn!.getTime();
    expect(rows.slice(1, 59).every((row) => row.completedOn!.getTime() > slowStarted && row.completedOn!.getTime() < slowEnded)).toBe(true);
  });

  it('starts a job sent after it went idle at once when woken, not at its next poll', async () => {
    const ran: number[] = [];
    const runner = new QueueRunner<{ n: number }>(boss, { name: QUEUE, concurrency: 2, pollingIntervalSeconds: 30, run: async ({ data: { n } }) => ran.push(n), onError: () => {} });
    runner.start();
    await sleep(300);
    await boss.send(QUEUE, { n: 100 });
    const sent = Date.now();
    runner.wake();
    while (ran.length === 0 && Date.now() - sent < 5000) await sleep(10);
    await runner.stop(1000);
    expect(ran).toEqual([100]);
    expect(Date.now() - sent).toBeLessThan(1000);
  });

  it('lets another job run while one waits aside, and counts the waiting one again once it resumes', async () => {
    await boss.insert([{ name: QUEUE, data: { n: 200 }, priority: 1 }, { name: QUEUE, data: { n: 201 } }]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const runner = new QueueRunner<{ n: number }>(boss, {
      name: QUEUE,
      concurrency: 1,
      pollingIntervalSeconds: 0.2,
      run: async ({ data: { n } }, { aside }) => {
        order.push(`start ${n}`);
        if (n === 200) await aside(released);
        order.push(`end ${n}`);
        if (n === 201) release();
      },
      onError: () => {},
    });
    runner.start();
    const started = Date.now();
    while (order.length < 4 && Date.now() - started < 5000) await sleep(20);
    await runner.stop(1000);
    // With one worker, 201 ran only because 200 was waiting aside; 200 then finished.
    expect(order).toEqual(['start 200', 'start 201', 'end 201', 'end 200']);
  });
});
