import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { formatDateOnly } from '../../lib/goals/dates.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { installIntegration } from '../../lib/integrations/installations.ts';
import { finishConnect, relayCallback, startConnect } from '../../lib/integrations/oauth-flow.ts';
import { requestSync, runSync, scheduleDueSyncs, updateConnectionSettings } from '../../lib/integrations/sync-runner.ts';
import { jobIdFor } from '../../lib/jobs/job-id.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { startFakeGoogle, type FakeGoogle } from '../support/fakes/google.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// The sync runner's rules, whatever the provider (here Google's, against the fake Google):
// one sync at a time per connection, requests during a sync make it run again, a crashed
// worker's lease expires, and the scheduler picks up hourly and daily connections when due.

const PROVIDER = 'google-calendar' as const;
let fake: FakeGoogle;
let tenant: TenantContext;
let admin: Member;
let ada: Member;
let connectionId: string;

beforeAll(async () => {
  fake = await startFakeGoogle();
  Object.assign(process.env, { GOOGLE_CLIENT_ID: fake.clientId, GOOGLE_CLIENT_SECRET: fake.clientSecret, GOOGLE_API_BASE: fake.url });
  tenant = await workspace();
  [admin, ada] = await Promise.all([memberIn(tenant, 'admin'), memberIn(tenant)]);
  await installIntegration(tenant, admin, PROVIDER);
  const consent = await startConnect({ tenant, member: ada, provider: PROVIDER, origin: 'http://runner.localhost:3100' });
  const callback = new URL(await fake.consent(consent));
  const finish = new URL(await relayCallback(PROVIDER, callback.searchParams));
  connectionId = (await finishConnect({ tenant, member: ada, provider: PROVIDER, query: finish.searchParams })).connection!.id;
  await createGoal(tenant, ada, { title: 'Ship the runner', targetDate: formatDateOnly(new Date(Date.now() + 7 * 86_400_000)) });
});

afterAll(async () => {
  for (const name of ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'GOOGLE_API_BASE']) delete process.env[name];
  await fake.close();
});

/** Sync jobs of this connection waiting in the queue (pg-boss's job table). */
async function queuedSyncs(): Promise<{ reason: string }[]> {
  const rows = await db.$queryRawUnsafe<{ data: { payload: { connectionId: string; reason: string } } }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'integrations.sync' AND state = 'created' AND data->'payload'->>'connectionId' = $1`,
    connectionId,
  );
  return rows.map((row) => ({ reason: row.data.payload.reason }));
}

async function clearQueue(): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'integrations.sync' AND data->'payload'->>'connectionId' = $1`, connectionId);
}

describe('the sync runner', () => {
  it('runs one sync at a time per connection: the second waits for the first and runs once after it', async () => {
    await runSync({ connectionId, reason: 'connected' });
    await clearQueue();
    const [one, two] = await Promise.all([runSync({ connectionId, reason: 'manual' }), runSync({ connectionId, reason: 'change' })]);
    const statuses = [one.status, two.status].sort();
    expect(statuses).toEqual(['ok', 'skipped']);
    expect([one, two].find((outcome) => outcome.status === 'skipped')).toMatchObject({ why: 'running' });
    // The skipped request is not lost: a follow-up sync is queued.
    expect(await queuedSyncs()).toEqual([{ reason: 'change' }]);
    const row = await db.integrationConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.syncLeaseUntil).toBeNull();
    expect(row.lastSyncResult).toBe('ok');
  });

  it('coalesces requests made within a few seconds into one job, keyed by the connection', async () => {
    await clearQueue();
    await Promise.all([requestSync(connectionId, 'change'), requestSync(connectionId, 'change'), requestSync(connectionId, 'change')]);
    const queued = await queuedSyncs();
    // Three requests at once land in one job (two when they straddle a 5-second boundary).
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(queued.length).toBeLessThanOrEqual(2);
    const bucket = Math.floor(Date.now() / 5000);
    const ids = [bucket, bucket - 1].map((b) => jobIdFor('integrations.sync', `${connectionId}:${b}`));
    const [{ count }] = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM pgboss.job WHERE id = ANY($1::uuid[])`, ids);
    expect(count).toBe(queued.length);
  });

  it('waits out a crashed worker’s lease, then syncs', async () => {
    await db.integrationConnection.update({ where: { id: connectionId }, data: { syncLeaseUntil: new Date(Date.now() + 60_000) } });
    expect(await runSync({ connectionId, reason: 'manual' })).toEqual({ status: 'skipped', why: 'running' });
    await db.integrationConnection.update({ where: { id: connectionId }, data: { syncLeaseUntil: new Date(Date.now() - 1000) } });
    expect((await runSync({ connectionId, reason: 'manual' })).status).toBe('ok');
  });

  it('skips a connection that needs attention or whose integration was uninstalled', async () => {
    await db.integrationConnection.update({ where: { id: connectionId }, data: { status: 'needs_attention' } });
    expect(await runSync({ connectionId, reason: 'manual' })).toEqual({ status: 'skipped', why: 'needs_attention' });
    await db.integrationConnection.update({ where: { id: connectionId }, data: { status: 'active' } });
    expect(await runSync({ connectionId: 'con_missing', reason: 'manual' })).toEqual({ status: 'skipped', why: 'gone' });
  });

  it('schedules hourly and daily connections when due, not before', async () => {
    await clearQueue();
    const connection = await db.integrationConnection.findUniqueOrThrow({ where: { id: connectionId } });
    const hourly = await updateConnectionSettings(connection, { syncFrequency: 'hourly' });
    expect(hourly.nextSyncAt!.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    await scheduleDueSyncs(new Date());
    expect(await queuedSyncs()).toEqual([]);
    await scheduleDueSyncs(new Date(Date.now() + 61 * 60_000));
    expect(await queuedSyncs()).toEqual([{ reason: 'scheduled' }]);
    const daily = await updateConnectionSettings(hourly, { syncFrequency: 'daily' });
    expect(daily.nextSyncAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
  });

  it('skips a connection of an integration that is not offered, and schedules the others', async () => {
    await clearQueue();
    const connection = await db.integrationConnection.findUniqueOrThrow({ where: { id: connectionId } });
    const orphan = await db.integrationConnection.create({
      data: { id: `con_orphan_${connectionId}`, tenantId: connection.tenantId, installationId: connection.installationId, provider: 'retired-integration', externalAccountId: 'x', scopes: [], nextSyncAt: new Date(Date.now() - 1000) },
    });
    await db.integrationConnection.update({ where: { id: connectionId }, data: { nextSyncAt: new Date(Date.now() - 1000) } });
    try {
      await scheduleDueSyncs(new Date());
      expect(await queuedSyncs()).toEqual([{ reason: 'scheduled' }]);
    } finally {
      await db.integrationConnection.delete({ where: { id: orphan.id } });
    }
  });

  it('refuses settings the integration does not take, with field errors', async () => {
    const connection = await db.integrationConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(await failure(updateConnectionSettings(connection, { settings: { goals: 'everything-ever' } }))).toMatchObject({ status: 422 });
  });
});
