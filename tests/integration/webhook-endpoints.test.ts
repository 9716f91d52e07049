import { describe, expect, it } from 'vitest';
import { decryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { createEndpoint, deleteEndpoint, listEndpoints, rotateEndpointSecret, updateEndpoint } from '../../lib/webhooks/endpoints.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// A public address written as a literal, so no DNS is needed (this machine has none).
const PUBLIC_URL = 'https://93.184.216.34/hooks/waypoint';

async function setup() {
  const tenant = await workspace();
  return { tenant, admin: await memberIn(tenant, 'admin'), member: await memberIn(tenant, 'member') };
}

describe('webhook endpoints', () => {
  it('are created with a whsec_ secret shown once and stored encrypted, and audited', async () => {
    const w = await setup();
    const { endpoint, secret } = await createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL, description: 'CRM sync', eventTypes: ['goal.created'], headers: { 'X-Team': 'ops' } });
    expect(endpoint.id).toMatch(/^whk_/);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.secretEncrypted).not.toContain(secret.slice(6));
    expect(decryptSecret(row.secretEncrypted)).toBe(secret);
    expect(JSON.stringify(await listEndpoints(w.tenant, w.admin))).not.toContain(secret);
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'webhook.created' } })).toBe(1);
  });

  it.each([
    ['http://127.0.0.1/hook', 'url'],
    ['https://10.1.2.3/hook', 'url'],
    ['https://169.254.169.254/latest/meta-data', 'url'],
    ['https://[::1]/hook', 'url'],
    ['http://93.184.216.34/hook', 'url'],
    ['not a url', 'url'],
    ['https://user:pass@93.184.216.34/hook', 'url'],
  ])('refuse %s with a field error', async (url, field) => {
    const w = await setup();
    const error = await failure(createEndpoint(w.tenant, w.admin, { url }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  // WHATWG URL parsing reads a backslash after the scheme as a slash, so these carry
  // credentials exactly like https://user:pass@host/ (issue 14).
  it.each(['https:/\\user:pass@93.184.216.34/hook', 'https:\\\\user:pass@93.184.216.34/hook', 'https://user@93.184.216.34/hook', 'https://:pass@93.184.216.34/hook'])(
    'refuse credentials in %s (create and update), storing nothing',
    async (url) => {
      const w = await setup();
      const created = await failure(createEndpoint(w.tenant, w.admin, { url }));
      expect(created).toMatchObject({ status: 422, fields: { url: expect.stringMatching(/credentials/i) } });
      const { endpoint } = await createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL });
      const updated = await failure(updateEndpoint(w.tenant, w.admin, endpoint.id, { url }));
      expect(updated).toMatchObject({ status: 422, fields: { url: expect.stringMatching(/credentials/i) } });
      const rows = await db.webhookEndpoint.findMany({ where: { tenantId: w.tenant.id } });
      expect(rows.map((row) => row.url)).toEqual([PUBLIC_URL]);
      expect(JSON.stringify(await listEndpoints(w.tenant, w.admin))).not.toContain('pass');
    },
  );

  it('refuse unknown event types, reserved headers and unknown fields', async () => {
    const w = await setup();
    expect((await failure(createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL, eventTypes: ['goal.exploded'] }))).status).toBe(422);
    expect((await failure(createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL, headers: { Authorization: 'x' } }))).status).toBe(422);
    expect((await failure(createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL, headers: { 'X-Ok': 'a\r\nInjected: 1' } }))).status).toBe(422);
    expect((await failure(createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL, surprise: true }))).status).toBe(422);
  });

  it('rotate the secret keeping the old one for the grace period; update, re-enable and delete', async () => {
    const w = await setup();
    const { endpoint, secret } = await createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL });
    const rotated = await rotateEndpointSecret(w.tenant, w.admin, endpoint.id, { graceHours: 24 });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.endpoint.previousSecretValidUntil).not.toBeNull();
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(decryptSecret(row.previousSecretEncrypted!)).toBe(secret);

    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: 'The receiver answered 410 Gone.', consecutiveFailures: 12 } });
    const updated = await updateEndpoint(w.tenant, w.admin, endpoint.id, { enabled: true, description: 'Back' });
    expect(updated).toMatchObject({ enabled: true, disabledReason: null, description: 'Back' });
    await deleteEndpoint(w.tenant, w.admin, endpoint.id);
    expect(await db.webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
  });

  it('are for admins only, and out of reach from another workspace', async () => {
    const w = await setup();
    const other = await setup();
    const { endpoint } = await createEndpoint(w.tenant, w.admin, { url: PUBLIC_URL });
    expect((await failure(createEndpoint(w.tenant, w.member, { url: PUBLIC_URL }))).status).toBe(403);
    expect((await failure(listEndpoints(w.tenant, w.member))).status).toBe(403);
    expect((await failure(updateEndpoint(other.tenant, other.admin, endpoint.id, { description: 'hijack' }))).status).toBe(404);
    expect((await failure(rotateEndpointSecret(other.tenant, other.admin, endpoint.id, {}))).status).toBe(404);
    expect((await failure(deleteEndpoint(other.tenant, other.admin, endpoint.id))).status).toBe(404);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).description).toBeNull();
  });
});
