import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { purgeExpired } from '../../lib/retention/purge.ts';
import { parseRetentionDays, RETENTION_WINDOWS, type RetentionName } from '../../lib/retention/windows.ts';
import { createMember, createTenant } from '../support/factories.ts';

// The retention job on real PostgreSQL: for every kind of row it purges, one row just past its
// window goes and one just inside stays, and rows that are not done (an event still in the
// outbox, a delivery still retrying, a refresh token that still works) stay whatever their age.
// The purge is run at a "now" in 2001, and every row here is dated around it, so other test
// files' rows (dated today) are never past any window, and theirs are never touched.

const DAY = 86_400_000;
const NOW = new Date('2001-01-01T00:00:00Z');
const windows = parseRetentionDays(undefined).windows;
const windowOf = (name: RetentionName) => windows[name];
/** A moment past the window of `name`, and one still inside it. */
const past = (name: RetentionName) => new Date(NOW.getTime() - windowOf(name) * DAY - DAY / 2);
const inside = (name: RetentionName) => new Date(NOW.getTime() - windowOf(name) * DAY + DAY / 2);
const id = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;

let tenantId: string;
let userId: string;
let endpointId: string;
let apiKeyId: string;
let grantId: string;
let connectionId: string;
let installationId: string;
let routeId: string;

/** Per kind: its rows past the window and inside it (by table), and how to count them back. */
const made = new Map<RetentionName, { old: string[][]; young: string[][]; count: () => Promise<number[]> }>();

beforeAll(async () => {
  const tenant = await createTenant();
  tenantId = tenant.id;
  userId = (await createMember(tenant.id)).id;
  endpointId = (await db.webhookEndpoint.create({ data: { id: id('whk'), tenantId, url: 'https://example.test/hook', secretEncrypted: 'x' } })).id;
  apiKeyId = (await db.apiKey.create({ data: { id: id('key'), tenantId, name: 'retention', prefix: 'wp_test', last4: 'abcd', hash: id('hash') } })).id;
  const app = await db.oAuthApp.create({ data: { id: id('app'), tenantId, clientId: id('client'), clientType: 'public', name: 'Retention app' } });
  grantId = (await db.oAuthGrant.create({ data: { id: id('grant'), tenantId, appId: app.id, userId, kind: 'authorization_code' } })).id;
  connectionId = (await db.ssoConnection.create({ data: { tenantId, name: 'Retention IdP' } })).id;
  installationId = (await db.integrationInstallation.create({ data: { id: id('int'), tenantId, provider: 'slack' } })).id;
  routeId = (await db.integrationChannelRoute.create({ data: { tenantId, installationId, event: 'goal.completed', channelName: '#wins' } })).id;
});

/** Rows of one kind: each table's old and young rows by primary key, counted back after the purge. */
async function rows(name: RetentionName, tables: { count: (ids: string[]) => Promise<number>; make: (at: Date) => Promise<string> }[]): Promise<void> {
  const old: string[][] = [];
  const young: string[][] = [];
  for (const table of tables) {
    old.push([await table.make(past(name))]);
    young.push([await table.make(inside(name))]);
  }
  made.set(name, {
    old,
    young,
    count: async () => Promise.all(tables.flatMap((table, i) => [table.count(old[i]!), table.count(young[i]!)])),
  });
}

const eventAt = async (at: Date, published: boolean) =>
  (await db.domainEvent.create({ data: { id: id('evt'), tenantId, type: 'goal.created', payload: {}, occurredAt: at, publishedAt: published ? at : null } })).id;

describe('the retention purge', () => {
  it('deletes what is past each window, and only that', async () => {
    await rows('api_request_logs', [
      {
        make: async (at) => (await db.apiRequestLog.create({ data: { tenantId, method: 'GET', route: '/api/v1/goals', status: 200, durationMs: 3, bytes: 10, createdAt: at } })).id,
        count: (ids) => db.apiRequestLog.count({ where: { id: { in: ids } } }),
      },
      {
        // The rollup's key has no id: each row gets a route of its own instead.
        make: async (at) => {
          const route = id('/route');
          await db.apiUsageDaily.create({ data: { tenantId, day: at, apiKeyId: '', method: 'GET', route, statusClass: 2, requests: 1, durationMs: 3, maxDurationMs: 3, latencyBuckets: [0, 0, 0, 1] } });
          return route;
        },
        count: (routes) => db.apiUsageDaily.count({ where: { tenantId, route: { in: routes } } }),
      },
    ]);
    await rows('domain_events', [{ make: (at) => eventAt(at, true), count: (ids) => db.domainEvent.count({ where: { id: { in: ids } } }) }]);
    await rows('webhook_deliveries', [
      {
        make: async (at) =>
          (await db.webhookDelivery.create({ data: { id: id('whd'), tenantId, endpointId, eventId: id('evt'), eventType: 'goal.created', payload: {}, status: 'succeeded', deliveredAt: at, createdAt: at, updatedAt: at } })).id,
        count: (ids) => db.webhookDelivery.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('email_messages', [
      {
        make: async (at) => (await db.emailMessage.create({ data: { to: 'a@example.test', from: 'w@example.test', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', kind: 'test', transport: 'outbox', createdAt: at } })).id,
        count: (ids) => db.emailMessage.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('notifications', [
      {
        make: async (at) => (await db.notification.create({ data: { tenantId, userId, type: 'kudos', subjectType: 'goal', subjectId: 'g', dedupeKey: id('n'), createdAt: at } })).id,
        count: (ids) => db.notification.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('idempotency_keys', [
      {
        make: async (at) => (await db.idempotencyKey.create({ data: { tenantId, apiKeyId, key: id('k'), method: 'POST', path: '/api/v1/goals', requestHash: 'h', status: 201, body: '{}', expiresAt: at } })).id,
        count: (ids) => db.idempotencyKey.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('oauth_codes', [
      {
        make: async (at) => (await db.oAuthAuthorizationCode.create({ data: { tenantId, grantId, codeHash: id('code'), expiresAt: at } })).id,
        count: (ids) => db.oAuthAuthorizationCode.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('oauth_tokens', [
      {
        make: async (at) => (await db.oAuthToken.create({ data: { tenantId, grantId, accessTokenHash: id('at'), accessTokenExpiresAt: at } })).id,
        count: (ids) => db.oAuthToken.count({ where: { id: { in: ids } } }),
      },
      {
        make: async (at) =>
          (await db.oAuthToken.create({ data: { tenantId, grantId, accessTokenHash: id('at'), accessTokenExpiresAt: new Date(NOW.getTime() + DAY), revokedAt: at } })).id,
        count: (ids) => db.oAuthToken.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('one_time_tokens', [
      {
        make: async (at) => (await db.loginToken.create({ data: { tenantId, userId, tokenHash: id('lt'), method: 'magic_link', expiresAt: at } })).id,
        count: (ids) => db.loginToken.count({ where: { id: { in: ids } } }),
      },
      {
        make: async (at) => (await db.passwordReset.create({ data: { userId, tokenHash: id('pr'), expiresAt: at } })).id,
        count: (ids) => db.passwordReset.count({ where: { id: { in: ids } } }),
      },
      {
        make: async (at) =>
          (await db.pendingSignup.create({ data: { email: 'p@example.test', name: 'P', passwordHash: 'x', workspaceName: 'P', slug: id('p').toLowerCase(), tokenHash: id('ps'), expiresAt: at } })).id,
        count: (ids) => db.pendingSignup.count({ where: { id: { in: ids } } }),
      },
      {
        make: async (at) => (await db.verificationToken.create({ data: { identifier: 'v@example.test', token: id('vt'), expires: at } })).token,
        count: (tokens) => db.verificationToken.count({ where: { token: { in: tokens } } }),
      },
      {
        make: async (at) =>
          (await db.integrationOAuthState.create({ data: { stateHash: id('st'), tenantId, userId, provider: 'slack', codeVerifierEncrypted: 'x', redirectUri: 'https://x.test/cb', returnTo: '/', expiresAt: at } })).stateHash,
        count: (ids) => db.integrationOAuthState.count({ where: { stateHash: { in: ids } } }),
      },
      {
        make: async (at) =>
          (await db.samlRequest.create({ data: { id: id('saml'), tenantId, connectionId, requestId: id('req'), browserHash: 'b', origin: 'https://x.test', next: '/', expiresAt: at } })).id,
        count: (ids) => db.samlRequest.count({ where: { id: { in: ids } } }),
      },
      {
        make: async (at) => (await db.samlAssertionUse.create({ data: { id: id('assert'), expiresAt: at } })).id,
        count: (ids) => db.samlAssertionUse.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('sessions', [
      {
        make: async (at) => (await db.userSession.create({ data: { userId, tenantId, method: 'password', expiresAt: at, createdAt: at, lastSeenAt: at } })).id,
        count: (ids) => db.userSession.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('sign_in_records', [
      {
        make: async (at) => (await db.loginFailure.create({ data: { email: 'f@example.test', ip: '203.0.113.9', createdAt: at } })).id,
        count: (ids) => db.loginFailure.count({ where: { id: { in: ids } } }),
      },
      {
        make: async (at) => (await db.passwordResetRequest.create({ data: { email: 'f@example.test', ip: '203.0.113.9', createdAt: at } })).id,
        count: (ids) => db.passwordResetRequest.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('integration_logs', [
      {
        make: async (at) => (await db.integrationLogEntry.create({ data: { tenantId, installationId, level: 'info', kind: 'sync', message: 'Synced', createdAt: at } })).id,
        count: (ids) => db.integrationLogEntry.count({ where: { id: { in: ids } } }),
      },
      {
        make: async (at) => (await db.integrationMessage.create({ data: { tenantId, routeId, dedupeKey: id('msg'), status: 'sent', sentAt: at, createdAt: at } })).id,
        count: (ids) => db.integrationMessage.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('stripe_events', [
      {
        make: async (at) => (await db.stripeEvent.create({ data: { id: id('evt_stripe'), type: 'invoice.paid', createdAt: at, processedAt: at } })).id,
        count: (ids) => db.stripeEvent.count({ where: { id: { in: ids } } }),
      },
    ]);
    await rows('data_exports', [
      {
        make: async (at) => (await db.dataExport.create({ data: { tenantId, userId, requestedById: userId, status: 'ready', data: new Uint8Array([1, 2, 3]), createdAt: at, expiresAt: at } })).id,
        count: (ids) => db.dataExport.count({ where: { id: { in: ids } } }),
      },
    ]);
    expect([...made.keys()].sort()).toEqual(RETENTION_WINDOWS.map((w) => w.name).sort());

    const result = await purgeExpired(NOW);
    for (const [name, kind] of made) {
      const counts = await kind.count();
      // Per table: [old, young] → [0, 1].
      expect({ name, counts }).toEqual({ name, counts: counts.map((_, i) => (i % 2 === 0 ? 0 : 1)) });
      expect(result.deleted[name], name).toBeGreaterThanOrEqual(kind.old.length);
    }
    expect(result.unfinished).toEqual([]);
  });

  it('keeps what is not done, however old: an event still in the outbox, a delivery retrying, a refresh token that works, a message unsent', async () => {
    const ancient = new Date(NOW.getTime() - 1_000 * DAY);
    const outbox = await eventAt(ancient, false);
    const retrying = await db.webhookDelivery.create({ data: { id: id('whd'), tenantId, endpointId, eventId: outbox, eventType: 'goal.created', payload: {}, status: 'pending', createdAt: ancient, updatedAt: ancient } });
    const refreshable = await db.oAuthToken.create({ data: { tenantId, grantId, accessTokenHash: id('at'), accessTokenExpiresAt: ancient, refreshTokenExpiresAt: new Date(NOW.getTime() + 10 * DAY) } });
    const unsent = await db.integrationMessage.create({ data: { tenantId, routeId, dedupeKey: id('msg'), status: 'pending', createdAt: ancient } });
    await purgeExpired(NOW);
    expect(await db.domainEvent.count({ where: { id: outbox } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { id: retrying.id } })).toBe(1);
    expect(await db.oAuthToken.count({ where: { id: refreshable.id } })).toBe(1);
    expect(await db.integrationMessage.count({ where: { id: unsent.id } })).toBe(1);
  });

  it('takes the kudos on a purged event with it, and a delivery’s attempts with the delivery', async () => {
    const at = past('domain_events');
    const event = await eventAt(at, true);
    await db.kudos.create({ data: { tenantId, eventId: event, giverId: userId, recipientId: userId } });
    const delivery = await db.webhookDelivery.create({
      data: { id: id('whd'), tenantId, endpointId, eventId: event, eventType: 'goal.created', payload: {}, status: 'failed', createdAt: past('webhook_deliveries'), updatedAt: past('webhook_deliveries') },
    });
    await db.webhookDeliveryAttempt.create({ data: { id: id('wha'), tenantId, deliveryId: delivery.id, attempt: 1, statusCode: 500, durationMs: 5, startedAt: at, finishedAt: at } });
    await purgeExpired(NOW);
    expect(await db.kudos.count({ where: { eventId: event } })).toBe(0);
    expect(await db.webhookDeliveryAttempt.count({ where: { deliveryId: delivery.id } })).toBe(0);
  });

  it('works through more rows than one batch, and stops at its time limit to go on the next day', async () => {
    const at = past('sign_in_records');
    await db.loginFailure.createMany({ data: Array.from({ length: 7 }, () => ({ email: 'batch@example.test', ip: '203.0.113.7', createdAt: at })) });
    const stopped = await purgeExpired(NOW, { maxRunMs: 0 });
    expect(stopped.unfinished).toEqual(RETENTION_WINDOWS.map((w) => w.name));
    expect(await db.loginFailure.count({ where: { email: 'batch@example.test' } })).toBe(7);
    const done = await purgeExpired(NOW, { batch: 2 });
    expect(done.deleted.sign_in_records).toBeGreaterThanOrEqual(7);
    expect(await db.loginFailure.count({ where: { email: 'batch@example.test' } })).toBe(0);
  });

  it('two runs at once delete each row once', async () => {
    const at = past('email_messages');
    await db.emailMessage.createMany({ data: Array.from({ length: 20 }, () => ({ to: 'twice@example.test', from: 'w@example.test', subject: 'x', html: 'x', text: 'x', kind: 'test', transport: 'outbox', createdAt: at })) });
    const [a, b] = await Promise.all([purgeExpired(NOW, { batch: 3 }), purgeExpired(NOW, { batch: 3 })]);
    expect(a.deleted.email_messages + b.deleted.email_messages).toBeGreaterThanOrEqual(20);
    expect(await db.emailMessage.count({ where: { to: 'twice@example.test' } })).toBe(0);
  });
});

describe('RETENTION_DAYS', () => {
  it('overrides windows by name, and refuses unknown names, junk and windows below a floor', () => {
    expect(parseRetentionDays('sessions=14, email_messages = 7').windows).toMatchObject({ sessions: 14, email_messages: 7, api_request_logs: 90 });
    expect(parseRetentionDays('sessions=14').problems).toEqual([]);
    const { problems, windows } = parseRetentionDays('api_request_logs=30,nope=3,sessions=-1,domain_events');
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('api_request_logs keeps at least 90 days');
    expect(windows.api_request_logs).toBe(90);
  });
});
