import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { planOf, requireFeature } from '../billing/entitlements.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { forbidden, notFound, parseInput, validationFailed, conflict } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { createApiKeySchema, rotateApiKeySchema, type ApiKeyView } from './api-key-schema.ts';
import { clearApiKeyCache, notifyApiKeysChanged } from './api-key-cache.ts';
import { displayParts, generateApiKeySecret, hashApiKey, newApiKeyId } from './generate-api-key.ts';
import { SCOPES_FOR_ROLE } from './scopes.ts';
import { cappedTier } from './tiers.ts';

// Admins manage every key of the workspace; anyone else only the keys they made, and only
// with the scopes their own role has.

const viewSelect = {
  id: true,
  name: true,
  prefix: true,
  last4: true,
  scopes: true,
  tier: true,
  status: true,
  expiresAt: true,
  ipAllowlist: true,
  createdAt: true,
  lastUsedAt: true,
  rotatedAt: true,
  previousHashExpiresAt: true,
  requestCount: true,
  createdBy: { select: { id: true, name: true, email: true } },
} as const;

type Row = {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: string[];
  tier: ApiKeyView['tier'];
  status: 'active' | 'revoked';
  expiresAt: Date | null;
  ipAllowlist: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  rotatedAt: Date | null;
  previousHashExpiresAt: Date | null;
  requestCount: number;
  createdBy: { id: string; name: string | null; email: string } | null;
};

function toView(row: Row, now = new Date()): ApiKeyView {
  const expired = row.status === 'active' && row.expiresAt !== null && row.expiresAt <= now;
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    last4: row.last4,
    scopes: row.scopes,
    tier: row.tier,
    status: expired ? 'expired' : row.status,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    ipAllowlist: row.ipAllowlist,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    previousSecretValidUntil: row.previousHashExpiresAt && row.previousHashExpiresAt > now ? row.previousHashExpiresAt.toISOString() : null,
    requestCount: row.requestCount,
  };
}

const actorOf = (member: Member) => ({ id: member.userId, email: member.email });
const manageAll = (member: Member) => can(member.role, 'integrations.manage');

export async function listApiKeys(tenant: TenantContext, member: Member): Promise<ApiKeyView[]> {
  const rows = await tenantDb(tenant.id).apiKey.findMany({
    // The docs' temporary Try-it keys are listed while they work (so they can be revoked), not after.
    where: { ...(manageAll(member) ? {} : { createdById: member.userId }), NOT: { temporary: true, expiresAt: { lte: new Date() } } },
    orderBy: { createdAt: 'desc' },
    select: viewSelect,
  });
  return rows.map((row) => toView(row));
}

/** Creates a key and returns its secret, which is never shown again. */
export async function createApiKey(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<{ key: ApiKeyView; secret: string }> {
  const data = parseInput(createApiKeySchema, input);
  const allowed = new Set(SCOPES_FOR_ROLE[member.role]);
  const beyond = data.scopes.filter((scope) => !allowed.has(scope));
  if (beyond.length) throw validationFailed({ scopes: `Your role (${member.role}) cannot grant ${beyond.join(', ')}.` });
  await requireFeature(tenant, 'api');
  if ((await cappedTier(data.tier, tenant)) !== data.tier) {
    const plan = await planOf(tenant);
    throw validationFailed({ tier: `The ${plan.name} plan allows keys up to the ${plan.limits.maxKeyTier} tier.` });
  }
  const secret = generateApiKeySecret();
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        id: newApiKeyId(),
        tenantId: tenant.id,
        createdById: member.userId,
        name: data.name,
        scopes: [...new Set(data.scopes)],
        tier: data.tier,
        ...displayParts(secret),
        hash: hashApiKey(secret),
        expiresAt: data.expiresAt ? new Date(data.expiresAt) : null,
        ipAllowlist: data.ipAllowlist,
      },
      select: viewSelect,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'api_key.created', target: { type: 'api_key', id: created.id }, ip, metadata: { name: data.name, scopes: data.scopes, tier: data.tier } });
    return created;
  });
  return { key: toView(row), secret };
}

async function ownedKey(tenant: TenantContext, member: Member, keyId: string) {
  const row = await tenantDb(tenant.id).apiKey.findUnique({ where: { id: keyId }, select: { id: true, status: true, createdById: true, hash: true, name: true } });
  if (!row || (!manageAll(member) && row.createdById !== member.userId)) throw notFound('No such API key.');
  return row;
}

/** A new secret; the old one keeps working for graceHours (0: stops at once). */
export async function rotateApiKey(tenant: TenantContext, member: Member, keyId: string, input: unknown, ip: string | null = null): Promise<{ key: ApiKeyView; secret: string }> {
  const { graceHours } = parseInput(rotateApiKeySchema, input ?? {});
  const current = await ownedKey(tenant, member, keyId);
  if (current.status === 'revoked') throw conflict('A revoked key cannot be rotated. Create a new key.');
  if (!can(member.role, 'integrations.manage') && current.createdById !== member.userId) throw forbidden();
  const secret = generateApiKeySecret();
  const now = new Date();
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const updated = await tx.apiKey.update({
      where: { id: keyId },
      data: {
        hash: hashApiKey(secret),
        ...displayParts(secret),
        previousHash: graceHours > 0 ? current.hash : null,
        previousHashExpiresAt: graceHours > 0 ? new Date(now.getTime() + graceHours * 3_600_000) : null,
        rotatedAt: now,
      },
      select: viewSelect,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'api_key.rotated', target: { type: 'api_key', id: keyId }, ip, metadata: { name: current.name, graceHours } });
    await notifyApiKeysChanged(tx);
    return updated;
  });
  clearApiKeyCache();
  return { key: toView(row), secret };
}

/** Stops the key at once, in every app instance. */
export async function revokeApiKey(tenant: TenantContext, member: Member, keyId: string, ip: string | null = null): Promise<ApiKeyView> {
  const current = await ownedKey(tenant, member, keyId);
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const updated =
      current.status === 'revoked'
        ? await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: viewSelect })
        : await tx.apiKey.update({ where: { id: keyId }, data: { status: 'revoked', revokedAt: new Date(), previousHash: null, previousHashExpiresAt: null }, select: viewSelect });
    if (current.status !== 'revoked') {
      await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'api_key.revoked', target: { type: 'api_key', id: keyId }, ip, metadata: { name: current.name } });
      await notifyApiKeysChanged(tx);
    }
    return updated;
  });
  clearApiKeyCache();
  return toView(row);
}
