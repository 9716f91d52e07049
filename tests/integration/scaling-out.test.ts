import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { notifyTenantChanged } from '../../lib/tenancy/tenant-cache.ts';
import { createTenant } from '../support/factories.ts';

// README, "Scaling out": each instance caches tenants in memory, and a change committed by any
// process reaches every instance's cache through NOTIFY, not at the TTL's end. The second
// instance is another process (tests/support/cache-instance.ts) with a TTL of ten minutes; its
// DATABASE_DIRECT_URL (the session-mode URL past PgBouncer) is told apart by application_name.
const directName = `waypoint_direct_${process.pid}`;
let instance: ChildProcessWithoutNullStreams;
let replies: AsyncIterator<string>;

async function ask(command: string): Promise<Record<string, unknown>> {
  instance.stdin.write(`${command}\n`);
  const { value, done } = await replies.next();
  if (done) throw new Error('the second instance exited');
  return JSON.parse(value) as Record<string, unknown>;
}

beforeAll(() => {
  const root = path.resolve(import.meta.dirname, '../..');
  const direct = new URL(process.env.DATABASE_URL!);
  direct.searchParams.set('application_name', directName);
  instance = spawn(process.execPath, ['--import', 'tsx', 'tests/support/cache-instance.ts'], {
    cwd: root,
    env: { ...process.env, TENANT_CACHE_TTL_SECONDS: '600', DATABASE_DIRECT_URL: direct.toString() },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  instance.stderr.pipe(process.stderr);
  replies = createInterface({ input: instance.stdout })[Symbol.asyncIterator]();
});

afterAll(() => {
  instance.stdin.end();
  instance.kill();
});

describe('two instances', () => {
  it('keep their own tenant cache, and drop it when another process commits a change', async () => {
    const tenant = await createTenant({ name: 'Before' });
    expect(await ask(`tenant ${tenant.id}`)).toEqual({ name: 'Before' });
    expect(await ask('listening')).toEqual({ listening: true });
    const [listener] = await db.$queryRaw<{ query: string }[]>`SELECT query FROM pg_stat_activity WHERE application_name = ${directName}`;
    expect(listener?.query).toMatch(/^LISTEN /);

    // Changed without a NOTIFY: the other instance still serves its cached answer.
    await db.tenant.update({ where: { id: tenant.id }, data: { name: 'Unannounced' } });
    expect(await ask(`tenant ${tenant.id}`)).toEqual({ name: 'Before' });

    // Changed the way the app does it: NOTIFY in the transaction, delivered on commit.
    await db.$transaction(async (tx) => {
      await tx.tenant.update({ where: { id: tenant.id }, data: { name: 'After' } });
      await notifyTenantChanged(tx);
    });
    let name: unknown;
    for (let i = 0; i < 50 && name !== 'After'; i++) {
      ({ name } = await ask(`tenant ${tenant.id}`));
      if (name !== 'After') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(name).toBe('After');
  });
});
