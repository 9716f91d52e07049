import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { enqueue, stopJobs } from '../../lib/jobs/queue.ts';

// A web server whose jobs run in a worker process (JOBS_IN_SERVER=false) starts no workers,
// yet its routes enqueue jobs (webhook replays and test events): before, they answered 500
// ("the PostgreSQL queue is not started in this process").

afterAll(() => stopJobs());

describe('a process that runs no job workers', () => {
  it('still enqueues, on a send-only queue', async () => {
    const id = await enqueue('webhooks.sweep', {}, { singletonKey: `sender-test-${Date.now()}` });
    expect(id).toEqual(expect.any(String));
    const rows = await db.$queryRaw<{ name: string; state: string }[]>`SELECT name, state::text FROM pgboss.job WHERE id = ${id}::uuid`;
    expect(rows).toEqual([{ name: 'webhooks.sweep', state: 'created' }]);
  });
});
