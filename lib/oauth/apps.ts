import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireFeature } from '../billing/entitlements.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { oauthAppInputSchema, oauthAppUpdateSchema, type OAuthAppView } from './app-schema.ts';
import { revokeGrantsInTx } from './grants.ts';
import { hashOAuthSecret, secretHint } from './hash-client-secret.ts';
import { generateCredential, newAppId } from './oauth-credentials.ts';
import { nativeSchemeProblem } from './redirect-uri.ts';

// OAuth apps a workspace registers in its developer portal, managed by its admins
// (integrations.manage). The client secret of a confidential app is shown once, stored as a
// SHA-256 hash, and rotated without overlap: the old secret stops at once.

const select = {
  id: true,
  clientId: true,
  name: true,
  description: true,
  logoUrl: true,
  homepageUrl: true,
  redirectUris: true,
  clientType: true,
  allowedScopes: true,
  secretHint: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = Omit<OAuthAppView, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

function toView(row: Row): OAuthAppView {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

const actorOf = (member: Member) => ({ id: member.userId, email: member.email });
const manage = (member: Member) => assertCan(member.role, 'integrations.manage', 'Only admins manage OAuth apps.');

async function findApp(tenant: TenantContext, appId: string) {
  const row = await tenantDb(tenant.id).oAuthApp.findUnique({ where: { id: appId }, select });
  if (!row) throw notFound('No such OAuth app.');
  return row;
}

export async function listOAuthApps(tenant: TenantContext, member: Member): Promise<OAuthAppView[]> {
  manage(member);
  const rows = await tenantDb(tenant.id).oAuthApp.findMany({ orderBy: { createdAt: 'desc' }, select });
  return rows.map(toView);
}

export async function getOAuthApp(tenant: TenantContext, member: Member, appId: string): Promise<OAuthAppView> {
  manage(member);
  return toView(await findApp(tenant, appId));
}

/** Registers an app; a confidential one's secret is in the answer and never shown again. */
export async function createOAuthApp(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<{ app: OAuthAppView; clientSecret: string | null }> {
  manage(member);
  await requireFeature(tenant, 'oauth_apps');
  const data = parseInput(oauthAppInputSchema, input);
  const clientSecret = data.clientType === 'confidential' ? generateCredential('clientSecret') : null;
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const created = await tx.oAuthApp.create({
      data: {
        id: newAppId(),
        tenantId: tenant.id,
        createdById: member.userId,
        clientId: generateCredential('clientId'),
        clientType: data.clientType,
        secretHash: clientSecret ? hashOAuthSecret(clientSecret) : null,
        secretHint: clientSecret ? secretHint(clientSecret) : null,
        name: data.name,
        description: data.description ?? null,
        logoUrl: data.logoUrl ?? null,
        homepageUrl: data.homepageUrl ?? null,
        redirectUris: data.redirectUris,
        allowedScopes: data.allowedScopes,
      },
      select,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: actorOf(member),
      action: 'oauth_app.created',
      target: { type: 'oauth_app', id: created.id },
      ip,
      metadata: { name: created.name, clientId: created.clientId, clientType: created.clientType, allowedScopes: created.allowedScopes, redirectUris: created.redirectUris },
    });
    return created;
  });
  return { app: toView(row), clientSecret };
}

/**
 * Changes what the app shows and may ask for. Narrowing allowedScopes narrows existing tokens
 * too (the API intersects a token's scopes with the app's allowance on every request).
 */
export async function updateOAuthApp(tenant: TenantContext, member: Member, appId: string, input: unknown, ip: string | null = null): Promise<OAuthAppView> {
  manage(member);
  const data = parseInput(oauthAppUpdateSchema, input ?? {});
  const current = await findApp(tenant, appId);
  const schemeProblems = Object.fromEntries(
    (data.redirectUris ?? []).flatMap((uri, index) => {
      const problem = nativeSchemeProblem(uri, current.clientType);
      return problem ? [[`redirectUris.${index}`, problem]] : [];
    }),
  );
  if (Object.keys(schemeProblems).length > 0) throw validationFailed(schemeProblems);
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const updated = await tx.oAuthApp.update({
      where: { id: appId },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.logoUrl !== undefined ? { logoUrl: data.logoUrl } : {}),
        ...(data.homepageUrl !== undefined ? { homepageUrl: data.homepageUrl } : {}),
        ...(data.redirectUris !== undefined ? { redirectUris: data.redirectUris } : {}),
        ...(data.allowedScopes !== undefined ? { allowedScopes: data.allowedScopes } : {}),
      },
      select,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'oauth_app.updated', target: { type: 'oauth_app', id: appId }, ip, metadata: { name: updated.name, changed: Object.keys(data) } });
    return updated;
  });
  return toView(row);
}

/** A new client secret; the old one stops working at once. */
export async function rotateOAuthClientSecret(tenant: TenantContext, member: Member, appId: string, ip: string | null = null): Promise<{ app: OAuthAppView; clientSecret: string }> {
  manage(member);
  const current = await findApp(tenant, appId);
  if (current.clientType !== 'confidential') throw conflict('Public apps have no client secret; they use PKCE.');
  const clientSecret = generateCredential('clientSecret');
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const updated = await tx.oAuthApp.update({
      where: { id: appId },
      data: { secretHash: hashOAuthSecret(clientSecret), secretHint: secretHint(clientSecret), secretRotatedAt: new Date() },
      select,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'oauth_app.secret_rotated', target: { type: 'oauth_app', id: appId }, ip, metadata: { name: updated.name, clientId: updated.clientId } });
    return updated;
  });
  return { app: toView(row), clientSecret };
}

/**
 * Deletes the app and with it every grant, code and token issued to it, in every workspace
 * that authorized it; each of those workspaces' audit logs records the revocation.
 */
export async function deleteOAuthApp(tenant: TenantContext, member: Member, appId: string, ip: string | null = null): Promise<void> {
  manage(member);
  const app = await findApp(tenant, appId);
  await db.$transaction(async (tx) => {
    const grants = await tx.oAuthGrant.findMany({ where: { appId, revokedAt: null }, select: { id: true, tenantId: true, kind: true, scopes: true, user: { select: { email: true } } } });
    await revokeGrantsInTx(tx, grants.map((grant) => grant.id));
    for (const grant of grants) {
      await recordAudit(tx, {
        tenantId: grant.tenantId,
        actor: grant.tenantId === tenant.id ? actorOf(member) : null,
        action: 'oauth.grant_revoked',
        target: { type: 'oauth_grant', id: grant.id },
        ip: grant.tenantId === tenant.id ? ip : null,
        metadata: { appId, appName: app.name, clientId: app.clientId, kind: grant.kind, user: grant.kind === 'client_credentials' ? null : grant.user.email, scopes: grant.scopes, reason: 'app_deleted' },
      });
    }
    await tx.oAuthApp.delete({ where: { id: appId } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'oauth_app.deleted', target: { type: 'oauth_app', id: appId }, ip, metadata: { name: app.name, clientId: app.clientId, revokedGrants: grants.length } });
  });
}
