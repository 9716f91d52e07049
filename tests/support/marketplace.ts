import * as oauth from 'oauth4webapi';
import { base62 } from '../../lib/api-keys/generate-api-key.ts';
import { encryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import type { AppVersionStatus, MarketplaceAppStatus } from '../../lib/db/generated/enums.ts';
import { refreshSearchVector } from '../../lib/marketplace/search-index.ts';
import { hashOAuthSecret, secretHint } from '../../lib/oauth/hash-client-secret.ts';
import { generateCredential, newAppId } from '../../lib/oauth/oauth-credentials.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { generateWebhookSecret } from '../../lib/webhooks/sign-webhook.ts';
import { contextOf, createTenant, uniqueSlug } from './factories.ts';

// Partners and their marketplace apps, written straight to the database: the partner, its
// sandbox workspace, the app's confidential OAuth client (registered in the sandbox), the
// MarketplaceApp and one version. Once lib/partners and lib/marketplace/apps land, these can be
// made through their services instead; the shapes here are what installs need.

export interface TestPartner {
  id: string;
  name: string;
  sandbox: TenantContext;
}

export async function createPartner(name = `Partner ${uniqueSlug('p')}`): Promise<TestPartner> {
  const partner = await db.partner.create({ data: { name, slug: uniqueSlug('partner'), status: 'active', agreementVersion: '2026-12', agreementAcceptedAt: new Date() } });
  const tenant = await createTenant({ name: `${name} sandbox` });
  await db.tenant.update({ where: { id: tenant.id }, data: { sandboxOfPartnerId: partner.id } });
  return { id: partner.id, name, sandbox: await contextOf(tenant.id) };
}

export interface AppVersionInput {
  name?: string;
  tagline?: string;
  description?: string;
  category?: string;
  scopes?: { scope: string; justification: string }[];
  setupUrl?: string | null;
  redirectUris?: string[];
  webhookUrl?: string | null;
  webhookEvents?: string[];
  status?: AppVersionStatus;
}

export interface TestApp {
  id: string;
  slug: string;
  partner: TestPartner;
  versionId: string;
  oauthAppId: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  /** For oauth4webapi. */
  client: oauth.Client;
  auth: oauth.ClientAuth;
}

export const SETUP_URL = 'https://pulse.example.test/setup';

/** A marketplace app of `partner` (a new partner by default), published with one version unless `status` says otherwise. */
export async function createMarketplaceApp(
  options: Omit<AppVersionInput, 'status'> & { partner?: TestPartner; status?: MarketplaceAppStatus; slug?: string; featured?: boolean; publishedAt?: Date } = {},
): Promise<TestApp> {
  const partner = options.partner ?? (await createPartner());
  const status = options.status ?? 'published';
  const scopes = options.scopes ?? [
    { scope: 'read:goals', justification: 'To show your goals in Pulse.' },
    { scope: 'write:goals', justification: 'To record workouts as goal progress.' },
    { scope: 'read:users', justification: 'To match people to their Pulse accounts.' },
  ];
  const redirectUris = options.redirectUris ?? ['https://pulse.example.test/oauth/callback'];
  const clientSecret = generateCredential('clientSecret');
  const webhookSecret = generateWebhookSecret();
  const oauthApp = await db.oAuthApp.create({
    data: {
      id: newAppId(),
      tenantId: partner.sandbox.id,
      clientId: generateCredential('clientId'),
      clientType: 'confidential',
      secretHash: hashOAuthSecret(clientSecret),
      secretHint: secretHint(clientSecret),
      name: options.name ?? 'Pulse Sync',
      redirectUris,
      allowedScopes: scopes.map((entry) => entry.scope),
    },
  });
  const slug = options.slug ?? uniqueSlug('pulse');
  const appId = `app_${base62(20)}`;
  const publishedAt = status === 'draft' ? null : (options.publishedAt ?? new Date());
  await db.marketplaceApp.create({
    data: { id: appId, partnerId: partner.id, slug, status, oauthAppId: oauthApp.id, webhookSecretEncrypted: encryptSecret(webhookSecret), publishedAt, featuredAt: options.featured ? new Date() : null },
  });
  const version = await addVersion(appId, { ...options, scopes, redirectUris, status: status === 'draft' ? 'draft' : 'published' });
  if (status !== 'draft') {
    await db.marketplaceApp.update({ where: { id: appId }, data: { liveVersionId: version.id } });
    await refreshSearchVector(db, appId);
  }
  return {
    id: appId,
    slug,
    partner,
    versionId: version.id,
    oauthAppId: oauthApp.id,
    clientId: oauthApp.clientId,
    clientSecret,
    webhookSecret,
    client: { client_id: oauthApp.clientId },
    auth: oauth.ClientSecretBasic(clientSecret),
  };
}

/** Another version of an app (number = next); `publish` makes it live, superseding the old one, and widens the client's allowance. */
export async function addVersion(appId: string, input: AppVersionInput & { publish?: boolean } = {}): Promise<{ id: string; number: number }> {
  const last = await db.appVersion.findFirst({ where: { appId }, orderBy: { number: 'desc' }, select: { number: true } });
  const scopes = input.scopes ?? [{ scope: 'read:goals', justification: 'To show your goals.' }];
  const version = await db.appVersion.create({
    data: {
      appId,
      number: (last?.number ?? 0) + 1,
      status: input.publish ? 'published' : (input.status ?? 'draft'),
      name: input.name ?? 'Pulse Sync',
      tagline: input.tagline ?? 'Sync workouts to your goals',
      description: input.description ?? 'Pulse Sync records your runs and rides as progress on your fitness goals.',
      category: input.category ?? 'fitness',
      setupUrl: input.setupUrl === undefined ? SETUP_URL : input.setupUrl,
      redirectUris: input.redirectUris ?? ['https://pulse.example.test/oauth/callback'],
      scopes,
      webhookUrl: input.webhookUrl ?? null,
      webhookEvents: input.webhookEvents ?? [],
      publishedAt: input.publish || input.status === 'published' ? new Date() : null,
    },
    select: { id: true, number: true },
  });
  if (input.publish) {
    await db.appVersion.updateMany({ where: { appId, status: 'published', id: { not: version.id } }, data: { status: 'superseded' } });
    const app = await db.marketplaceApp.update({ where: { id: appId }, data: { liveVersionId: version.id, status: 'published' }, select: { oauthAppId: true } });
    await db.oAuthApp.update({ where: { id: app.oauthAppId }, data: { allowedScopes: scopes.map((entry) => entry.scope) } });
    await refreshSearchVector(db, appId);
  }
  return version;
}
