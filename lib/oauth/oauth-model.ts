import type OAuth2Server from '@node-oauth/oauth2-server';
import { recordAudit } from '../audit/record-audit.ts';
import { decryptSecret, encryptSecret } from '../crypto/encrypt-secret.ts';
import { db } from '../db/client.ts';
import type { OAuthGrantKind, Role } from '../db/generated/enums.ts';
import { INSTALLATION_ROLE } from '../marketplace/installation-member.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { lockGrant, revokeGrantsInTx } from './grants.ts';
import { hashOAuthSecret } from './hash-client-secret.ts';
import { roleIn } from './member-role.ts';
import { appSelect, authenticateClient, findApp, toClient, type OAuthClient } from './oauth-clients.ts';
import { generateCredential, looksLike, newGrantId } from './oauth-credentials.ts';
import { InvalidGrantError, UnauthorizedClientError } from './oauth-errors.ts';
import { beyondAllowance, capByRole, isOidcScope } from './oauth-scopes.ts';
import { matchRedirectUri } from './redirect-uri.ts';
import { REFRESH_REUSE_GRACE } from './token-lifetimes.ts';

// The Prisma-backed model @node-oauth/oauth2-server calls for the authorization code (with
// PKCE), refresh token and client credentials grants. One model per request, bound to the
// workspace whose host the request came to: codes and refresh tokens only work on the host of
// the workspace they were issued in, and client credentials only on the app owner's host.
//
// Rules that live here rather than in the library:
// - confidential clients always authenticate with their secret; public clients never send one
//   (the library is told not to require secrets and leaves the decision to getClient);
// - a code presented a second time revokes every token issued from it (and its refreshes);
// - a refresh token is rotated on every use; a retry within a short grace gets the same new pair,
//   and presenting a rotated one later revokes the grant;
// - tokens carry the scopes granted; the API applies the app's allowance and the user's
//   current role on every request (lib/oauth/verify-access-token.ts);
// - an installation grant (a marketplace app installed by a workspace admin) acts as the app,
//   capped by the admin role, whether or not the installing admin is still a member.

/** Who tokens act as: the consenting user, or (client credentials) the app's creator. */
export interface GrantUser extends OAuth2Server.User {
  kind: OAuthGrantKind;
  userId: string;
  tenantId: string;
  appId: string;
  role: Role;
  /** Unknown for client credentials until the token is saved. */
  grantId?: string;
  /** While issuing a code: whether the request named its redirect_uri (then the token request must repeat it). */
  redirectUriGiven?: boolean;
  /** While issuing a code: the OpenID Connect nonce and when the user signed in. */
  nonce?: string | null;
  authTime?: Date;
  /** While exchanging a code: the code's row. */
  codeId?: string;
  /** While refreshing: the token row being rotated and the code its chain started from. */
  tokenId?: string;
  chainCodeId?: string | null;
}

const intersect = (scopes: readonly string[], allowed: readonly string[]) => scopes.filter((scope) => allowed.includes(scope));

/** A replayed code: the code is marked, and the tokens of its chain are revoked. */
async function revokeCodeChain(codeId: string, tenantId: string, appId: string): Promise<void> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.oAuthAuthorizationCode.update({ where: { id: codeId }, data: { replayedAt: now } });
    const { count } = await tx.oAuthToken.updateMany({ where: { authorizationCodeId: codeId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { tenantId, actor: null, action: 'oauth.code_reused', target: { type: 'oauth_code', id: codeId }, metadata: { appId, revokedTokens: count } });
  });
}

/** A rotated refresh token came back after the grace: someone holds a copy, so the whole grant ends. */
async function rejectReuse(grantId: string, tenantId: string, appId: string): Promise<never> {
  await db.$transaction(async (tx) => {
    await revokeGrantsInTx(tx, [grantId]);
    await recordAudit(tx, { tenantId, actor: null, action: 'oauth.grant_revoked', target: { type: 'oauth_grant', id: grantId }, metadata: { appId, reason: 'refresh_token_reused' } });
  });
  throw new InvalidGrantError('Invalid grant: refresh token was already used; the authorization is revoked');
}

/** The role a grant's tokens are issued under: the consenting user's current one (null once they left), or an installation's cap. */
async function grantRole(grant: { kind: OAuthGrantKind; userId: string }, tenantId: string): Promise<Role | null> {
  return grant.kind === 'installation' ? INSTALLATION_ROLE : roleIn(grant.userId, tenantId);
}

const withinGrace = (refreshedAt: Date) => Date.now() - refreshedAt.getTime() <= REFRESH_REUSE_GRACE * 1000;

/** A token row: hashes only, in the grant, carrying the code its chain started from. */
function tokenRow(token: OAuth2Server.Token, user: GrantUser, grantId: string, codeId: string | null) {
  return {
    tenantId: user.tenantId,
    grantId,
    authorizationCodeId: codeId,
    accessTokenHash: hashOAuthSecret(token.accessToken),
    accessTokenExpiresAt: token.accessTokenExpiresAt!,
    refreshTokenHash: token.refreshToken ? hashOAuthSecret(token.refreshToken) : null,
    refreshTokenExpiresAt: token.refreshToken ? (token.refreshTokenExpiresAt ?? null) : null,
    scopes: token.scope ?? [],
  };
}

export function createOAuthModel(host: TenantContext) {
  return {
    getClient: (clientId: string, clientSecret: string | null | undefined) => authenticateClient(clientId, clientSecret),
    /** Exact match, or a loopback IP redirect on any port (RFC 8252 §7.3). */
    validateRedirectUri: async (redirectUri: string, client: OAuthClient) => matchRedirectUri(client.redirectUris, redirectUri) !== null,

    generateAuthorizationCode: async () => generateCredential('authorizationCode'),
    generateAccessToken: async () => generateCredential('accessToken'),
    generateRefreshToken: async () => generateCredential('refreshToken'),

    async saveAuthorizationCode(code: Pick<OAuth2Server.AuthorizationCode, 'authorizationCode' | 'expiresAt' | 'redirectUri' | 'scope' | 'codeChallenge' | 'codeChallengeMethod'>, client: OAuthClient, user: GrantUser): Promise<OAuth2Server.AuthorizationCode> {
      if (!user.grantId) throw new Error('saveAuthorizationCode needs the grant');
      await db.oAuthAuthorizationCode.create({
        data: {
          tenantId: user.tenantId,
          grantId: user.grantId,
          codeHash: hashOAuthSecret(code.authorizationCode),
          redirectUri: user.redirectUriGiven ? code.redirectUri : null,
          scopes: code.scope ?? [],
          codeChallenge: code.codeChallenge ?? null,
          codeChallengeMethod: code.codeChallenge ? (code.codeChallengeMethod ?? null) : null,
          expiresAt: code.expiresAt,
          nonce: user.nonce ?? null,
          authTime: user.authTime ?? null,
        },
      });
      return { ...code, client, user };
    },

    async getAuthorizationCode(authorizationCode: string): Promise<OAuth2Server.AuthorizationCode | null> {
      if (!looksLike('authorizationCode', authorizationCode)) return null;
      const row = await db.oAuthAuthorizationCode.findUnique({
        where: { codeHash: hashOAuthSecret(authorizationCode) },
        select: {
          id: true,
          tenantId: true,
          redirectUri: true,
          scopes: true,
          codeChallenge: true,
          codeChallengeMethod: true,
          expiresAt: true,
          usedAt: true,
          grant: { select: { id: true, kind: true, userId: true, revokedAt: true, app: { select: appSelect } } },
        },
      });
      if (!row || row.tenantId !== host.id || row.grant.revokedAt) return null;
      if (row.usedAt) {
        await revokeCodeChain(row.id, row.tenantId, row.grant.app.id);
        throw new InvalidGrantError('Invalid grant: authorization code was already used; the tokens issued with it are revoked');
      }
      const role = await grantRole(row.grant, row.tenantId);
      if (!role) return null;
      const user: GrantUser = { kind: row.grant.kind, userId: row.grant.userId, tenantId: row.tenantId, appId: row.grant.app.id, role, grantId: row.grant.id, codeId: row.id };
      return {
        authorizationCode,
        expiresAt: row.expiresAt,
        redirectUri: row.redirectUri ?? '',
        scope: row.scopes,
        client: toClient(row.grant.app),
        user,
        ...(row.codeChallenge ? { codeChallenge: row.codeChallenge, codeChallengeMethod: row.codeChallengeMethod ?? 'S256' } : {}),
      };
    },

    /** Single use: only the first exchange marks the code; a concurrent second one is a replay. */
    async revokeAuthorizationCode(code: OAuth2Server.AuthorizationCode): Promise<boolean> {
      const user = code.user as GrantUser;
      const { count } = await db.oAuthAuthorizationCode.updateMany({ where: { id: user.codeId, usedAt: null }, data: { usedAt: new Date() } });
      if (count === 1) return true;
      await revokeCodeChain(user.codeId!, user.tenantId, user.appId);
      return false;
    },

    async getRefreshToken(refreshToken: string): Promise<OAuth2Server.RefreshToken | null> {
      if (!looksLike('refreshToken', refreshToken)) return null;
      const row = await db.oAuthToken.findUnique({
        where: { refreshTokenHash: hashOAuthSecret(refreshToken) },
        select: {
          id: true,
          tenantId: true,
          scopes: true,
          refreshTokenExpiresAt: true,
          refreshedAt: true,
          revokedAt: true,
          authorizationCodeId: true,
          grant: { select: { id: true, userId: true, kind: true, revokedAt: true, app: { select: appSelect } } },
        },
      });
      if (!row || row.tenantId !== host.id || row.grant.revokedAt) return null;
      if (row.revokedAt) return null;
      // Within the grace a rotated token goes on to rotateRefreshToken, which decides under its lock.
      if (row.refreshedAt && !withinGrace(row.refreshedAt)) await rejectReuse(row.grant.id, row.tenantId, row.grant.app.id);
      const role = await grantRole(row.grant, row.tenantId);
      if (!role) return null;
      const user: GrantUser = {
        kind: row.grant.kind,
        userId: row.grant.userId,
        tenantId: row.tenantId,
        appId: row.grant.app.id,
        role,
        grantId: row.grant.id,
        tokenId: row.id,
        chainCodeId: row.authorizationCodeId,
      };
      return {
        refreshToken,
        refreshTokenExpiresAt: row.refreshTokenExpiresAt ?? undefined,
        scope: intersect(row.scopes, row.grant.app.allowedScopes),
        client: toClient(row.grant.app),
        user,
      };
    },

    /** The library's contract; refresh tokens rotate through rotateRefreshToken instead (grant-types.ts). */
    async revokeToken(): Promise<boolean> {
      throw new Error('refresh tokens rotate through rotateRefreshToken');
    },

    /**
     * Rotation, serialised on the old token's row: the first exchange marks it refreshed, saves
     * `next` and keeps that pair on the old row, encrypted. A retry within the grace (concurrent,
     * or after a lost answer) gets that same pair, as long as it has not been used or revoked
     * since; anything else presenting a rotated token is reuse, and the grant ends.
     */
    async rotateRefreshToken(token: OAuth2Server.RefreshToken, next: OAuth2Server.Token): Promise<OAuth2Server.Token> {
      const user = token.user as GrantUser;
      const outcome = await db.$transaction(async (tx): Promise<OAuth2Server.Token | 'reuse' | 'invalid'> => {
        const [row] = await tx.$queryRaw<{ refreshedAt: Date | null; revokedAt: Date | null; replacedById: string | null; replacementSecret: string | null }[]>`
          SELECT "refreshedAt", "revokedAt", "replacedById", "replacementSecret" FROM "OAuthToken" WHERE id = ${user.tokenId} FOR UPDATE`;
        if (!row || row.revokedAt) return 'invalid';
        if (row.refreshedAt) {
          if (!withinGrace(row.refreshedAt) || !row.replacedById || !row.replacementSecret) return 'reuse';
          const replacement = await tx.oAuthToken.findUnique({ where: { id: row.replacedById }, select: { accessTokenExpiresAt: true, refreshTokenExpiresAt: true, scopes: true, refreshedAt: true, revokedAt: true } });
          if (!replacement || replacement.refreshedAt || replacement.revokedAt) return 'reuse';
          const pair = JSON.parse(decryptSecret(row.replacementSecret)) as { accessToken: string; refreshToken: string };
          return { ...pair, accessTokenExpiresAt: replacement.accessTokenExpiresAt, refreshTokenExpiresAt: replacement.refreshTokenExpiresAt ?? undefined, scope: replacement.scopes, client: next.client, user };
        }
        const created = await tx.oAuthToken.create({ data: tokenRow(next, user, user.grantId!, user.chainCodeId ?? null), select: { id: true } });
        const pair = encryptSecret(JSON.stringify({ accessToken: next.accessToken, refreshToken: next.refreshToken }));
        await tx.oAuthToken.update({ where: { id: user.tokenId }, data: { refreshedAt: new Date(), replacedById: created.id, replacementSecret: pair } });
        // The token this one replaced can no longer be retried: its copy of this pair goes.
        await tx.oAuthToken.updateMany({ where: { replacedById: user.tokenId }, data: { replacementSecret: null } });
        return next;
      });
      if (outcome === 'invalid') throw new InvalidGrantError('Invalid grant: refresh token is invalid');
      if (outcome === 'reuse') return rejectReuse(user.grantId!, user.tenantId, user.appId);
      return outcome;
    },

    /**
     * Client credentials act for the workspace that owns the app, as the member who registered
     * it (their role caps the scopes), and only on that workspace's host.
     */
    async getUserFromClient(client: OAuthClient): Promise<GrantUser> {
      const { app } = client;
      if (app.tenantId !== host.id) throw new UnauthorizedClientError('Unauthorized client: client credentials are issued only on the host of the workspace that registered the app');
      const role = app.createdById ? await roleIn(app.createdById, app.tenantId) : null;
      if (!app.createdById || !role) throw new UnauthorizedClientError('Unauthorized client: the member who registered this app has left its workspace; register the app again');
      return { kind: 'client_credentials', userId: app.createdById, tenantId: app.tenantId, appId: app.id, role };
    },

    /**
     * Client credentials: the requested scopes (default: all the app's), within the app's
     * allowance, capped by its creator's role. Codes: their consented scopes, within the app's
     * current allowance.
     */
    async validateScope(user: GrantUser, client: OAuthClient, scope?: string[]): Promise<string[] | false> {
      const allowed = client.app.allowedScopes;
      if (user.kind === 'client_credentials') {
        // Identity scopes need a user who signs in: not for client credentials.
        const requested = scope ?? allowed.filter((name) => !isOidcScope(name));
        if (beyondAllowance(requested, allowed).length > 0 || requested.some(isOidcScope)) return false;
        const granted = capByRole(requested, user.role);
        return granted.length > 0 ? granted : false;
      }
      const granted = intersect(scope ?? [], allowed);
      return granted.length > 0 ? granted : false;
    },

    async saveToken(token: OAuth2Server.Token, client: OAuthClient, user: GrantUser): Promise<OAuth2Server.Token> {
      const scopes = token.scope ?? [];
      await db.$transaction(async (tx) => {
        let grantId = user.grantId;
        if (user.kind === 'client_credentials' && !grantId) {
          await lockGrant(tx, user.appId, user.tenantId, user.userId, 'client_credentials');
          const existing = await tx.oAuthGrant.findFirst({ where: { appId: user.appId, tenantId: user.tenantId, kind: 'client_credentials', revokedAt: null }, select: { id: true, scopes: true } });
          if (existing) {
            grantId = existing.id;
            const union = [...new Set([...existing.scopes, ...scopes])];
            if (union.length !== existing.scopes.length) await tx.oAuthGrant.update({ where: { id: existing.id }, data: { scopes: union } });
          } else {
            grantId = (await tx.oAuthGrant.create({ data: { id: newGrantId(), tenantId: user.tenantId, appId: user.appId, userId: user.userId, kind: 'client_credentials', scopes }, select: { id: true } })).id;
          }
        }
        if (user.codeId) {
          // Serialises with a concurrent replay of the same code (which marks it under this lock).
          const [code] = await tx.$queryRaw<{ replayedAt: Date | null }[]>`SELECT "replayedAt" FROM "OAuthAuthorizationCode" WHERE id = ${user.codeId} FOR UPDATE`;
          if (!code || code.replayedAt) throw new InvalidGrantError('Invalid grant: authorization code was already used');
        }
        await tx.oAuthToken.create({ data: tokenRow(token, user, grantId!, user.codeId ?? null) });
      });
      return { ...token, client, user };
    },

    /** Not used by our routes (the API verifies tokens itself) but part of the library's contract. */
    async getAccessToken(accessToken: string): Promise<OAuth2Server.Token | null> {
      if (!looksLike('accessToken', accessToken)) return null;
      const row = await db.oAuthToken.findUnique({
        where: { accessTokenHash: hashOAuthSecret(accessToken) },
        select: { tenantId: true, scopes: true, accessTokenExpiresAt: true, revokedAt: true, grant: { select: { id: true, kind: true, userId: true, revokedAt: true, app: { select: appSelect } } } },
      });
      if (!row || row.tenantId !== host.id || row.revokedAt || row.grant.revokedAt) return null;
      const role = await grantRole(row.grant, row.tenantId);
      if (!role) return null;
      const user: GrantUser = { kind: row.grant.kind, userId: row.grant.userId, tenantId: row.tenantId, appId: row.grant.app.id, role, grantId: row.grant.id };
      return { accessToken, accessTokenExpiresAt: row.accessTokenExpiresAt, scope: row.scopes, client: toClient(row.grant.app), user };
    },
  };
}

export type OAuthModel = ReturnType<typeof createOAuthModel>;

/** For issuing codes at /oauth/authorize: the client is identified (by client_id), not authenticated. */
export function createAuthorizeModel(host: TenantContext): OAuthModel {
  const identify = async (clientId: string) => {
    const app = await findApp(clientId);
    return app ? toClient(app) : null;
  };
  return { ...createOAuthModel(host), getClient: identify };
}
