import { randomBytes } from 'node:crypto';
import { db } from '../../lib/db/client.ts';

// An app's traffic made straight in the database: API calls it made with its installation
// tokens, and webhook deliveries to the endpoint its installation registered. For the partner
// analytics and app health tests, which are about what is measured, not how it was sent.

const hex = (n = 6) => randomBytes(n).toString('hex');

/** `count` calls by the app in the workspace at `at`, each `status` and `durationMs` long. */
export async function appCalls(appId: string | null, tenantId: string, at: Date, count: number, status = 200, durationMs = 10): Promise<void> {
  await db.apiRequestLog.createMany({
    data: Array.from({ length: count }, () => ({ tenantId, marketplaceAppId: appId, method: 'GET', route: '/api/v1/goals', status, durationMs, bytes: 10, createdAt: at })),
  });
}

/** The webhook endpoint an installation of an app made (its events go here). */
export async function appEndpoint(tenantId: string, installationId: string, url = `https://hooks-${hex(3)}.example.test/waypoint?token=secret`): Promise<string> {
  const id = `whk_${hex()}`;
  await db.webhookEndpoint.create({ data: { id, tenantId, url, secretEncrypted: 'not-used-here', appInstallationId: installationId } });
  return id;
}

export type DeliveryOutcome = 'succeeded' | 'failed' | 'retrying' | 'waiting';

/** `count` deliveries to the endpoint made at `at`, each ending as `outcome`. */
export async function deliveries(tenantId: string, endpointId: string, at: Date, count: number, outcome: DeliveryOutcome, lastStatusCode: number | null = outcome === 'succeeded' ? 200 : 500): Promise<void> {
  const status = outcome === 'succeeded' || outcome === 'failed' ? outcome : 'pending';
  const attempts = outcome === 'waiting' ? 0 : outcome === 'retrying' ? 2 : 1;
  await db.webhookDelivery.createMany({
    data: Array.from({ length: count }, () => ({
      id: `dlv_${hex(8)}`,
      tenantId,
      endpointId,
      eventId: `evt_${hex(8)}`,
      eventType: 'goal.created',
      payload: { private: 'workspace data' },
      status,
      attempts,
      lastStatusCode: outcome === 'waiting' ? null : lastStatusCode,
      deliveredAt: outcome === 'succeeded' ? at : null,
      createdAt: at,
      updatedAt: at,
    })),
  });
}
