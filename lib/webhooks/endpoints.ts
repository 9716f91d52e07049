import { randomBytes } from 'node:crypto';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireFeature } from '../billing/entitlements.ts';
import { encryptSecret } from '../crypto/encrypt-secret.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { endpointInputSchema, endpointUpdateSchema, rotateSecretSchema, type EndpointView } from './endpoint-schema.ts';
import { generateWebhookSecret } from './sign-webhook.ts';
import { assertPublicUrl, UnsafeUrlError } from './ssrf-guard.ts';
import { env } from '../config/env.ts';

// Webhook endpoints of a workspace, managed by its admins (and API keys with webhooks:manage).
// The signing secret is shown once, stored encrypted, and rotated with a grace period during
// which the old secret signs too. A marketplace app's endpoint (made by its installation,
// WebhookEndpoint.appInstallationId) is the installation's: it is not listed or managed here.

type Row = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  headers: Prisma.JsonValue;
  disabledReason: string | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const select = { id: true, url: true, description: true, eventTypes: true, enabled: true, headers: true, disabledReason: true, previousSecretExpiresAt: true, createdAt: true, updatedAt: true } as const;

function toView(row: Row, now = new Date()): EndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    headers: (row.headers ?? {}) as Record<string, string>,
    disabledReason: row.disabledReason,
    previousSecretValidUntil: row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Development only (WEBHOOKS_ALLOW_LOCALHOST=true): lets endpoints point at this machine over http. */
export function allowLocalhost(): boolean {
  return env().WEBHOOKS_ALLOW_LOCALHOST;
}

async function vetUrl(url: string): Promise<void> {
  try {
    await assertPublicUrl(url, { allowLocalhost: allowLocalhost(), requireHttps: !allowLocalhost() });
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw validationFailed({ url: error.message });
    throw error;
  }
}

/** The workspace's own endpoints (not an installed app's). */
const own = { appInstallationId: null } as const;

const actorOf = (member: Member) => ({ id: member.userId, email: member.email });

export async function listEndpoints(tenant: TenantContext, member: Member): Promise<EndpointView[]> {
  assertCan(member.role, 'integrations.manage');
  const rows = await tenantDb(tenant.id).webhookEndpoint.findMany({ where: own, orderBy: { createdAt: 'asc' }, select });
  return rows.map((row) => toView(row));
}

export async function getEndpoint(tenant: TenantContext, member: Member, endpointId: string): Promise<EndpointView> {
  assertCan(member.role, 'integrations.manage');
  const row = await tenantDb(tenant.id).webhookEndpoint.findFirst({ where: { id: endpointId, ...own }, select });
  if (!row) throw notFound('No such webhook endpoint.');
  return toView(row);
}

export async function createEndpoint(tenant: TenantContext, member: Member, input: unknown): Promise<{ endpoint: EndpointView; secret: string }> {
  assertCan(member.role, 'integrations.manage');
  await requireFeature(tenant, 'webhooks');
  const data = parseInput(endpointInputSchema, input);
  await vetUrl(data.url);
  const secret = generateWebhookSecret();
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        id: `whk_${randomBytes(12).toString('base64url')}`,
        tenantId: tenant.id,
        url: data.url,
        description: data.description ?? null,
        eventTypes: data.eventTypes,
        enabled: data.enabled,
        headers: data.headers,
        secretEncrypted: encryptSecret(secret),
        createdById: member.userId,
      },
      select,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'webhook.created', target: { type: 'webhook_endpoint', id: created.id }, metadata: { url: data.url, eventTypes: data.eventTypes } });
    return created;
  });
  return { endpoint: toView(row), secret };
}

export async function updateEndpoint(tenant: TenantContext, member: Member, endpointId: string, input: unknown): Promise<EndpointView> {
  assertCan(member.role, 'integrations.manage');
  const data = parseInput(endpointUpdateSchema, input);
  // Switching an endpoint on (or pointing it elsewhere) needs the plan's webhooks; off is always allowed.
  if (data.enabled || data.url !== undefined) await requireFeature(tenant, 'webhooks');
  if (data.url !== undefined) await vetUrl(data.url);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, ...own },
      // Re-enabling clears the automatic switch-off and its failure streak.
      data: { ...data, ...(data.enabled ? { disabledReason: null, consecutiveFailures: 0, failingSince: null } : {}) },
    });
    if (!count) throw notFound('No such webhook endpoint.');
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'webhook.updated', target: { type: 'webhook_endpoint', id: endpointId }, metadata: { fields: Object.keys(data) } });
    return toView(await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select }));
  });
}

export async function deleteEndpoint(tenant: TenantContext, member: Member, endpointId: string): Promise<void> {
  assertCan(member.role, 'integrations.manage');
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, ...own } });
    if (!count) throw notFound('No such webhook endpoint.');
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'webhook.deleted', target: { type: 'webhook_endpoint', id: endpointId } });
  });
}

/** A new signing secret (shown once); the old one keeps signing for graceHours. */
export async function rotateEndpointSecret(tenant: TenantContext, member: Member, endpointId: string, input: unknown): Promise<{ endpoint: EndpointView; secret: string }> {
  assertCan(member.role, 'integrations.manage');
  const { graceHours } = parseInput(rotateSecretSchema, input ?? {});
  const secret = generateWebhookSecret();
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, ...own }, select: { secretEncrypted: true } });
    if (!current) throw notFound('No such webhook endpoint.');
    const row = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: {
        secretEncrypted: encryptSecret(secret),
        previousSecretEncrypted: graceHours > 0 ? current.secretEncrypted : null,
        previousSecretExpiresAt: graceHours > 0 ? new Date(Date.now() + graceHours * 3_600_000) : null,
      },
      select,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'webhook.secret_rotated', target: { type: 'webhook_endpoint', id: endpointId }, metadata: { graceHours } });
    return { endpoint: toView(row), secret };
  });
}
