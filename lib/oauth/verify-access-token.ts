import { planLimits } from '../api-keys/tiers.ts';
import { effectiveScopes } from '../api-keys/scopes.ts';
import type { ApiPrincipal } from '../api-keys/verify-api-key.ts';
import { db } from '../db/client.ts';
import { AppError } from '../http/problem.ts';
import { INSTALLATION_ROLE, installationMember } from '../marketplace/installation-member.ts';
import { isServable } from '../tenancy/tenant-context.ts';
import { hashOAuthSecret } from './hash-client-secret.ts';
import { looksLike } from './oauth-credentials.ts';

// OAuth access tokens at the /api/v1 door (lib/api/with-api-auth.ts), beside API keys:
// - the principal is the user who consented (for client credentials, the app's creator), whose
//   membership must still exist; their current role caps the token's scopes, as does the app's
//   current allowance;
// - an installation grant's token (a marketplace app installed workspace-wide) acts as the app:
//   its scopes are the installation's, capped by the admin role, and its requests are attributed
//   to the installing admin while they remain a member, else to the workspace's earliest owner
//   (lib/marketplace/installation-member.ts);
// - a marketplace app's tokens carry its id, so its requests are counted for it;
// - rate limits are per grant, at the highest tier the workspace's plan allows (the tier a key
//   of that workspace could have at most): the workspace pays for its API traffic, whichever app
//   makes it, and one app cannot eat another's (or a key's) budget;
// - tokens are looked up on every request (one indexed query, no cache), so a revoked grant
//   stops at once.

export const looksLikeOAuthAccessToken = (value: string) => looksLike('accessToken', value);

const invalid = (code: 'invalid_token' | 'token_revoked' | 'token_expired', message: string) => new AppError(401, code, message);

export async function verifyOAuthAccessToken(token: string, now = new Date()): Promise<ApiPrincipal> {
  const row = await db.oAuthToken.findUnique({
    where: { accessTokenHash: hashOAuthSecret(token) },
    select: {
      tenantId: true,
      scopes: true,
      accessTokenExpiresAt: true,
      revokedAt: true,
      grant: {
        select: {
          id: true,
          kind: true,
          userId: true,
          revokedAt: true,
          app: { select: { clientId: true, allowedScopes: true, marketplaceApp: { select: { id: true } } } },
          tenant: { select: { plan: true, status: true } },
          user: { select: { id: true, email: true, name: true, memberships: { select: { id: true, role: true, tenantId: true } } } },
        },
      },
    },
  });
  if (!row) throw invalid('invalid_token', 'The access token is not valid.');
  if (row.revokedAt || row.grant.revokedAt) throw invalid('token_revoked', 'This access token was revoked.');
  if (row.accessTokenExpiresAt <= now) throw invalid('token_expired', 'This access token has expired. Use your refresh token to get a new one.');
  const { user, tenant } = row.grant;
  const allowed = row.scopes.filter((scope) => row.grant.app.allowedScopes.includes(scope));
  const marketplaceAppId = row.grant.app.marketplaceApp?.id ?? null;
  if (row.grant.kind === 'installation') {
    if (!isServable(tenant.status)) throw new AppError(403, 'workspace_suspended', 'The workspace of this access token is suspended.');
    const [attributed, installation] = await Promise.all([
      installationMember(row.tenantId, row.grant.userId),
      db.appInstallation.findUnique({ where: { grantId: row.grant.id }, select: { id: true, uninstalledAt: true } }),
    ]);
    if (!installation || installation.uninstalledAt) throw invalid('token_revoked', 'The app was uninstalled from this workspace.');
    if (!attributed) throw invalid('invalid_token', 'The workspace of this access token has no members.');
    return {
      kind: 'oauth',
      keyId: row.grant.id,
      tenantId: row.tenantId,
      tier: (await planLimits(tenant)).maxTier,
      scopes: effectiveScopes(allowed, INSTALLATION_ROLE),
      allowlist: null,
      member: { ...attributed, role: INSTALLATION_ROLE, appInstallationId: installation.id },
      marketplaceAppId,
      installationId: installation.id,
      oauthClientId: row.grant.app.clientId,
    };
  }
  const membership = user.memberships.find((m) => m.tenantId === row.tenantId);
  if (!membership) throw invalid('invalid_token', 'The user who authorized this token is no longer a member of the workspace.');
  if (!isServable(tenant.status)) throw new AppError(403, 'workspace_suspended', 'The workspace of this access token is suspended.');
  return {
    kind: 'oauth',
    keyId: row.grant.id,
    tenantId: row.tenantId,
    tier: (await planLimits(tenant)).maxTier,
    scopes: effectiveScopes(allowed, membership.role),
    allowlist: null,
    member: { userId: user.id, email: user.email, name: user.name, role: membership.role, membershipId: membership.id },
    marketplaceAppId,
    oauthClientId: row.grant.app.clientId,
  };
}
