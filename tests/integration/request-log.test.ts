import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { flushRequestLog, logApiRequest } from '../../lib/api/request-log.ts';
import { API_REQUESTS, usageAt } from '../../lib/billing/usage.ts';
import { db } from '../../lib/db/client.ts';
import { memberIn, workspace } from '../support/workspace.ts';

function entry(tenantId: string, apiKeyId: string, status = 200) {
  return { tenantId, apiKeyId, method: 'GET', route: '/api/v1/goals', status, durationMs: 12, bytes: 345, createdAt: new Date() };
}

describe('API request log', () => {
  it('writes buffered entries in a batch and counts the billing period and the key', async () => {
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const { key } = await createApiKey(tenant, admin, { name: 'log', scopes: ['read:goals'] });
    logApiRequest(entry(tenant.id, key.id));
    logApiRequest(entry(tenant.id, key.id, 404));
    expect(await db.apiRequestLog.count({ where: { tenantId: tenant.id } })).toBe(0); // not on the request's path
    await flushRequestLog();
    expect(await db.apiRequestLog.findMany({ where: { tenantId: tenant.id }, select: { route: true, status: true, bytes: true }, orderBy: { status: 'asc' } })).toEqual([
      { route: '/api/v1/goals', status: 200, bytes: 345 },
      { route: '/api/v1/goals', status: 404, bytes: 345 },
    ]);
    expect((await usageAt(tenant.id, API_REQUESTS)).value).toBe(2);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).requestCount).toBe(2);
  });

  it('counts only billable requests toward the usage meter', async () => {
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const { key } = await createApiKey(tenant, admin, { name: 'billable', scopes: ['read:goals'] });
    logApiRequest(entry(tenant.id, key.id));
    logApiRequest({ ...entry(tenant.id, key.id, 429), billable: false });
    await flushRequestLog();
    expect(await db.apiRequestLog.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect((await usageAt(tenant.id, API_REQUESTS)).value).toBe(1);
  });

  it('writes lastUsedAt at most once a minute per key', async () => {
    const tenant = await workspace();
    const admin = await memberIn(tenant, 'admin');
    const { key } = await createApiKey(tenant, admin, { name: 'lu', scopes: ['read:goals'] });
    logApiRequest(entry(tenant.id, key.id));
    await flushRequestLog();
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    logApiRequest(entry(tenant.id, key.id));
    await flushRequestLog();
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt).toEqual(first);
    expect(row.requestCount).toBe(2);
  });
});
