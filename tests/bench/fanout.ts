// npm run bench's webhook fan-out case (tests/bench/bench.ts sets up the workspaces): the
// receiver every healthy endpoint posts to, and the rounds that fan one goal.created event out
// to a scenario's endpoints and time its deliveries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { median } from './stats.ts';

// Per scenario a workspace whose endpoints all subscribe to goal.created, at
// http://127.0.0.1:<receiver>/<scenario>-<index>; the tarpit scenario adds one endpoint that
// answers after 10 s.
export interface FanOutScenario {
  label: string;
  tenantId: string;
  /** The healthy endpoints, all on the receiver. */
  endpoints: number;
  tarpitEndpointId?: string;
}

export interface FanOutOptions {
  receiver: Receiver;
  /** Measured rounds, after one warm-up round. */
  rounds: number;
  /** How long a round may take before it counts as failed. */
  timeoutMs: number;
}

interface Receipt {
  /** performance.now() when the request's body had arrived. */
  at: number;
  signed: boolean;
}

/**
 * The webhook receiver: answers 200 at once and records, per event id (webhook-id), the
 * first receipt per path (endpoint index), whether its signature verifies with that
 * endpoint's secret, and any repeats.
 */
export class Receiver {
  readonly events = new Map<string, Map<string, Receipt>>();
  duplicates = 0;
  strays = 0;
  private server?: Server;
  private waiters = new Set<() => void>();

  constructor(private readonly verify: (path: string, headers: Record<string, string>, body: string) => boolean) {}

  /** Starts once; the fan-out and fairness cases share it. */
  async start(): Promise<number> {
    if (this.server) return (this.server.address() as AddressInfo).port;
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const at = performance.now();
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        const id = request.headers['webhook-id'];
        if (request.method !== 'POST' || typeof id !== 'string') {
          this.strays += 1;
          return;
        }
        const headers = { 'webhook-id': id, 'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''), 'webhook-signature': String(request.headers['webhook-signature'] ?? '') };
        const path = request.url ?? '';
        const receipts = this.events.get(id) ?? new Map<string, Receipt>();
        this.events.set(id, receipts);
        if (receipts.has(path)) this.duplicates += 1;
        else receipts.set(path, { at, signed: this.verify(path, headers, Buffer.concat(chunks).toString('utf8')) });
        this.waiters.forEach((wake) => wake());
      });
    });
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** Resolves when `count` endpoints have received `eventId`, or at the deadline; returns how many had. */
  async waitFor(eventId: string, count: number, timeoutMs: number): Promise<number> {
    const received = () => this.events.get(eventId)?.size ?? 0;
    if (received() >= count) return received();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(received());
      };
      const check = () => {
        if (received() >= count) done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(check);
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }
}

async function fanOutEvidence(eventId: string): Promise<void> {
  const { db } = await import('../../lib/db/client.ts');
  const jobs = await db.$queryRaw<{ name: string; state: string; count: bigint }[]>`SELECT name, state::text AS state, count(*) AS count FROM pgboss.job GROUP BY 1, 2 ORDER BY 1, 2`;
  console.log('[bench] pgboss.job by name and state:');
  console.table(jobs.map((row) => ({ ...row, count: Number(row.count) })));
  const event = await db.domainEvent.findUnique({ where: { id: eventId }, select: { occurredAt: true, publishedAt: true } });
  console.log(`[bench] event ${eventId}: occurred ${event?.occurredAt.toISOString()}, published ${event?.publishedAt?.toISOString() ?? 'never'}`);
  const deliveries = await db.webhookDelivery.groupBy({ by: ['status', 'attempts', 'lastError'], where: { eventId }, _count: true });
  console.log('[bench] WebhookDelivery rows of the event by status, attempts, last error:');
  console.table(deliveries.map((row) => ({ status: row.status, attempts: row.attempts, lastError: row.lastError?.slice(0, 80) ?? '', count: row._count })));
}

/** Per scenario: the medians of its rounds, for the summary. */
export const fanOutSummary: Record<string, string | number>[] = [];

/** Returns false when a round timed out or a delivery was not received once, signed and recorded right. */
export async function benchFanOut({ label, tenantId, endpoints: count, tarpitEndpointId }: FanOutScenario, { receiver, rounds: FANOUT_ROUNDS, timeoutMs: FANOUT_TIMEOUT_MS }: FanOutOptions): Promise<boolean> {
  const { db } = await import('../../lib/db/client.ts');
  console.log(`\n[bench] webhook fan-out to ${label}: one goal.created event each round, a warm-up round and ${FANOUT_ROUNDS} measured rounds (a new event each), on pg-boss in the server`);
  // The tarpit's delivery is not waited for: the round measures the healthy endpoints beside it.
  const healthy = tarpitEndpointId ? { endpointId: { not: tarpitEndpointId } } : {};
  const { emitEvent } = await import('../../lib/events/domain-events.ts');
  const rows: Record<string, string | number>[] = [];
  const breakdowns: Record<string, string | number>[] = [];
  const firsts: number[] = [];
  const alls: number[] = [];
  const drains: number[] = [];
  let failed = false;
  // Round 0 warms up (as the API case does): the server's first fan-out of a size compiles and
  // plans what later ones reuse, and took 2-4 times as long in every run.
  for (let round = 0; round <= FANOUT_ROUNDS; round++) {
    const duplicatesBefore = receiver.duplicates;
    const emittedAt = performance.now();
    const eventId = await db.$transaction((tx) => emitEvent(tx, tenantId, 'goal.created', { goalId: `bench-goal-${round}`, title: `Fan-out round ${round}`, ownerId: 'bench-user', teamId: null }, null, { kind: 'workspace' }));
    const got = await receiver.waitFor(eventId, count, FANOUT_TIMEOUT_MS - (performance.now() - emittedAt));
    const times = [...(receiver.events.get(eventId)?.values() ?? [])].map((receipt) => receipt.at - emittedAt).sort((a, b) => a - b);
    const unsigned = [...(receiver.events.get(eventId)?.values() ?? [])].filter((receipt) => !receipt.signed).length;
    if (got < count) {
      console.log(`[bench] round ${round}: timed out after ${FANOUT_TIMEOUT_MS / 1000}s with ${got}/${count} delivered${times.length ? ` (first after ${times[0].toFixed(0)} ms, last after ${times[times.length - 1].toFixed(0)} ms)` : ''}`);
      await fanOutEvidence(eventId);
      failed = true;
      break;
    }
    // The receiver answers before the worker records the outcome: give the last ones a moment.
    let settled: { status: string; attempts: number; count: number }[] = [];
    for (let i = 0; i < 100; i++) {
      const deliveries = await db.webhookDelivery.findMany({ where: { eventId, ...healthy }, select: { status: true, attempts: true } });
      const counts = new Map<string, number>();
      for (const { status, attempts } of deliveries) counts.set(`${status} ${attempts}`, (counts.get(`${status} ${attempts}`) ?? 0) + 1);
      settled = [...counts].map(([key, count]) => ({ status: key.split(' ')[0], attempts: Number(key.split(' ')[1]), count }));
      if (!settled.some((row) => row.status === 'pending')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const okRows = settled.find((row) => row.status === 'succeeded' && row.attempts === 1)?.count ?? 0;
    const allOk = okRows === count && settled.length === 1;
    const event = await db.domainEvent.findUniqueOrThrow({ where: { id: eventId }, select: { occurredAt: true, publishedAt: true } });
    const created = await db.webhookDelivery.aggregate({ where: { eventId }, _min: { createdAt: true } });
    const since = (at: Date | null | undefined) => (at ? at.getTime() - event.occurredAt.getTime() : NaN);
    const first = times[0];
    const all = times[count - 1];
    if (round === 0) {
      console.log(`[bench] warm-up round (not counted): first delivery after ${Math.round(first)} ms, all after ${Math.round(all)} ms`);
      if (!allOk || unsigned > 0 || receiver.duplicates > duplicatesBefore) {
        failed = true;
        console.log('[bench] warm-up round: not every delivery was received once, signed right and recorded succeeded at attempt 1:');
        console.table(settled);
      }
      continue;
    }
    firsts.push(first);
    alls.push(all);
    drains.push(((count - 1) / (all - first)) * 1000);
    // Where the time goes: the dispatch job, and per webhook.deliver job its wait in the queue
    // and its run (claim, sign, POST, record), against the POST alone.
    const [breakdown] = await db.$queryRaw<{ dispatchMs: number | null; waitMs: number | null; runMs: number | null; runP95Ms: number | null; postMs: number | null }[]>`
      WITH deliveries AS (SELECT id, "lastDurationMs" FROM "WebhookDelivery" WHERE "eventId" = ${eventId} AND "endpointId" <> ${tarpitEndpointId ?? ''}),
      jobs AS (
        SELECT extract(epoch FROM started_on - created_on) * 1000 AS wait, extract(epoch FROM completed_on - started_on) * 1000 AS run
        FROM pgboss.job WHERE name = 'webhook.deliver' AND data -> 'payload' ->> 'deliveryId' IN (SELECT id FROM deliveries)
      )
      SELECT
        (SELECT extract(epoch FROM completed_on - started_on) * 1000 FROM pgboss.job WHERE name = 'event.dispatch' AND data -> 'payload' ->> 'eventId' = ${eventId} LIMIT 1)::float8 AS "dispatchMs",
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) FROM jobs)::float8 AS "waitMs",
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY run) FROM jobs)::float8 AS "runMs",
        (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY run) FROM jobs)::float8 AS "runP95Ms",
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "lastDurationMs") FROM deliveries)::float8 AS "postMs"`;
    const ms = (value: number | null) => (value === null ? '-' : Math.round(value));
    breakdowns.push({
      round,
      'dispatch job ms': ms(breakdown.dispatchMs),
      'deliver job: queued p50 ms': ms(breakdown.waitMs),
      'run p50 ms': ms(breakdown.runMs),
      'run p95 ms': ms(breakdown.runP95Ms),
      'POST p50 ms': ms(breakdown.postMs),
    });
    rows.push({
      round,
      'relayed ms': since(event.publishedAt),
      'fanned out ms': since(created._min.createdAt),
      'first delivery ms': Math.round(first),
      'all delivered ms': Math.round(all),
      'deliveries/s': Math.round((count / all) * 1000),
      'first→last /s': Math.round(drains[drains.length - 1]),
      'bad signatures': unsigned,
      repeats: receiver.duplicates - duplicatesBefore,
      'DB succeeded@1': `${okRows}/${count}`,
    });
    if (!allOk || unsigned > 0 || receiver.duplicates > duplicatesBefore) {
      failed = true;
      console.log(`[bench] round ${round}: not every delivery was received once, signed right and recorded succeeded at attempt 1:`);
      console.table(settled);
    }
  }
  if (rows.length) console.table(rows);
  if (breakdowns.length) console.table(breakdowns);
  if (alls.length) {
    const rate = (ms: number) => Math.round((count / ms) * 1000);
    console.log(`time to all ${count} delivered: min ${alls.reduce((a, b) => Math.min(a, b)).toFixed(0)} ms, median ${median(alls).toFixed(0)} ms (${rate(median(alls))} deliveries/s from the event, best ${rate(Math.min(...alls))})`);
    console.log(`time to the first delivery (relay + dispatch + one POST): min ${Math.min(...firsts).toFixed(0)} ms, median ${median(firsts).toFixed(0)} ms`);
    console.log(`delivery throughput from the first to the last: median ${Math.round(median(drains))} deliveries/s`);
    fanOutSummary.push({ 'fan-out to': label, rounds: alls.length, 'first delivery p50 ms': Math.round(median(firsts)), 'all delivered p50 ms': Math.round(median(alls)), 'deliveries/s from the event': rate(median(alls)), 'first→last /s': Math.round(median(drains)) });
  }
  if (receiver.strays) console.log(`[bench] the receiver also got ${receiver.strays} requests without a webhook-id`);
  return !failed;
}
