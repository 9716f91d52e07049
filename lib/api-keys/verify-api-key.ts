import type { BlockList } from 'node:net';
import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import { AppError } from '../http/problem.ts';
import type { ApiKeyTier } from './api-key-schema.ts';
import { cachedKey, rememberKey } from './api-key-cache.ts';
import { hashApiKey, looksLikeApiKey } from './generate-api-key.ts';
import { buildAllowlist } from './ip-allowlist.ts';
import { effectiveScopes, type Scope } from './scopes.ts';
import { cappedTier } from './tiers.ts';

/**
 * Who an API request acts as: the key's creator, within the key's scopes and tier; or, for an
 * OAuth access token (lib/oauth/verify-access-token.ts), the user who authorized the app.
 */
export interface ApiPrincipal {
  kind: 'api_key' | 'oauth';
  /** The credential: the API key's id, or the OAuth grant's id. Rate limits, idempotency keys and request logs are per credential. */
  keyId: string;
  tenantId: string;
  tier: ApiKeyTier;
  scopes: Set<Scope>;
  allowlist: BlockList | null;
  member: Member;
  /**
   * An OAuth token of a marketplace app (MarketplaceApp.id): its requests are counted for the
   * app (ApiRequestLog.marketplaceAppId).
   */
  marketplaceAppId?: string | null;
  /** A token of an installation grant (AppInstallation.id): the app acts as itself in the workspace. */
  installationId?: string | null;
  /** An OAuth token's app (OAuthApp.clientId): the sender of its measurements, whichever grant (lib/goals/goal-measurements.ts). */
  oauthClientId?: string;
}

interface CachedKey {
  principal: ApiPrincipal;
  status: 'active' | 'revoked';
  expiresAt: number | null;
  /** Set when the secret is a rotated-out one still inside its grace period. */
  graceUntil: number | null;
  tenantServable: boolean;
}

const invalid = (code: 'invalid_api_key' | 'api_key_revoked' | 'api_key_expired' | 'api_key_rotated', message: string) => new AppError(401, code, message);

async function load(hash: string): Promise<CachedKey | null> {
  const row = await db.apiKey.findFirst({
    where: { OR: [{ hash }, { previousHash: hash }] },
    select: {
      id: true,
      tenantId: true,
      hash: true,
      scopes: true,
      tier: true,
      status: true,
      expiresAt: true,
      previousHashExpiresAt: true,
      ipAllowlist: true,
      tenant: { select: { plan: true, status: true, trialEndsAt: true, overrides: { select: { key: true, value: true, expiresAt: true } } } },
      createdBy: { select: { id: true, email: true, name: true, memberships: { select: { id: true, role: true, tenantId: true } } } },
    },
  });
  if (!row) return null;
  const membership = row.createdBy?.memberships.find((m) => m.tenantId === row.tenantId);
  if (!row.createdBy || !membership) return null; // the key's owner left the workspace
  return {
    principal: {
      kind: 'api_key',
      keyId: row.id,
      tenantId: row.tenantId,
      tier: await cappedTier(row.tier, row.tenant),
      scopes: effectiveScopes(row.scopes, membership.role),
      allowlist: buildAllowlist(row.ipAllowlist),
      member: { userId: row.createdBy.id, email: row.createdBy.email, name: row.createdBy.name, role: membership.role, membershipId: membership.id },
    },
    status: row.status,
    expiresAt: row.expiresAt?.getTime() ?? null,
    graceUntil: row.hash === hash ? null : (row.previousHashExpiresAt?.getTime() ?? 0),
    tenantServable: row.tenant.status !== 'suspended' && row.tenant.status !== 'canceled',
  };
}

/** The principal for a presented secret, or a 401/403 AppError saying why not. */
export async function verifyApiKey(secret: string, now = Date.now()): Promise<ApiPrincipal> {
  if (!looksLikeApiKey(secret)) throw invalid('invalid_api_key', 'The API key is malformed. Keys look like wp_live_ followed by 43 letters and digits.');
  const hash = hashApiKey(secret);
  let entry = cachedKey<CachedKey>(hash);
  if (entry === undefined) {
    entry = await load(hash);
    rememberKey(hash, entry);
  }
  if (!entry) throw invalid('invalid_api_key', 'The API key is not valid.');
  if (entry.status === 'revoked') throw invalid('api_key_revoked', 'This API key was revoked.');
  if (entry.expiresAt !== null && entry.expiresAt <= now) throw invalid('api_key_expired', 'This API key has expired.');
  if (entry.graceUntil !== null && entry.graceUntil <= now) throw invalid('api_key_rotated', 'This API key was rotated and its old secret no longer works. Use the new secret.');
  if (!entry.tenantServable) throw new AppError(403, 'workspace_suspended', 'The workspace of this API key is suspended.');
  return entry.principal;
}
