import { randomBytes } from 'node:crypto';
import { db } from '../../lib/db/client.ts';
import type { MarketplaceAppStatus } from '../../lib/db/generated/enums.ts';
import { partnerActorFor, type PartnerActor, type PartnerRole } from '../../lib/partners/partner-actor.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createTenant, uniqueSlug } from './factories.ts';

// Marketplace rows made directly with Prisma (partners, their sandboxes, apps, versions and
// installations), for tests that are about what comes after them (ratings, analytics).

const hex = (n = 8) => randomBytes(n).toString('hex');

export interface TestPartner {
  id: string;
  name: string;
  sandbox: TenantContext;
  actor: PartnerActor;
}

/** An active partner with a sandbox workspace and one user (owner unless `role` says otherwise). */
export async function createPartner(options: { role?: PartnerRole; status?: 'applied' | 'active' | 'rejected' | 'suspended' } = {}): Promise<TestPartner> {
  const slug = uniqueSlug('partner');
  const partner = await db.partner.create({ data: { name: `Partner ${slug}`, slug, status: options.status ?? 'active', agreementVersion: '1', agreementAcceptedAt: new Date() } });
  const sandbox = await createTenant({ slug: `${slug}-sandbox`, name: `${partner.name} sandbox` });
  await db.tenant.update({ where: { id: sandbox.id }, data: { sandboxOfPartnerId: partner.id } });
  const actor = await addPartnerUser(partner.id, options.role ?? 'owner');
  return { id: partner.id, name: partner.name, sandbox: await contextOf(sandbox.id), actor };
}

/** Another user of the partner, as the partner door sees them. */
export async function addPartnerUser(partnerId: string, role: PartnerRole = 'developer'): Promise<PartnerActor> {
  const user = await db.user.create({ data: { email: `${uniqueSlug('pu')}@example.test`, name: 'Partner person', emailVerifiedAt: new Date() } });
  await db.partnerUser.create({ data: { partnerId, userId: user.id, role } });
  const actor = await partnerActorFor(user.id);
  if (!actor) throw new Error('no partner actor');
  return actor;
}

export interface TestApp {
  id: string;
  slug: string;
  name: string;
  oauthAppId: string;
  versionId: string;
}

/** An app of the partner, its OAuth client in the sandbox, and its live version (published unless `status` says otherwise). */
export async function createApp(partner: TestPartner, options: { status?: MarketplaceAppStatus; name?: string } = {}): Promise<TestApp> {
  const status = options.status ?? 'published';
  const name = options.name ?? `App ${hex(3)}`;
  const slug = uniqueSlug('app');
  const oauthApp = await db.oAuthApp.create({
    data: { id: `oap_${hex()}`, tenantId: partner.sandbox.id, clientId: `cid_${hex()}`, clientType: 'confidential', name, redirectUris: ['https://app.example.test/callback'], allowedScopes: ['read:goals'] },
  });
  const appId = `app_${hex()}`;
  await db.marketplaceApp.create({ data: { id: appId, partnerId: partner.id, slug, status, oauthAppId: oauthApp.id, publishedAt: status === 'draft' ? null : new Date() } });
  const version = await db.appVersion.create({
    data: {
      appId,
      number: 1,
      status: status === 'draft' ? 'draft' : 'published',
      name,
      tagline: `${name} for Waypoint`,
      description: 'Syncs things.',
      category: 'productivity',
      redirectUris: ['https://app.example.test/callback'],
      scopes: [{ scope: 'read:goals', justification: 'To read goals.' }],
    },
  });
  if (status !== 'draft') await db.marketplaceApp.update({ where: { id: appId }, data: { liveVersionId: version.id } });
  return { id: appId, slug, name, oauthAppId: oauthApp.id, versionId: version.id };
}

/** The app installed in the workspace by `userId` (an installation grant and an AppInstallation row). */
export async function install(app: TestApp, tenantId: string, userId: string, at: Date = new Date()): Promise<string> {
  const grant = await db.oAuthGrant.create({ data: { id: `grt_${hex()}`, tenantId, appId: app.oauthAppId, userId, kind: 'installation', scopes: ['read:goals'], createdAt: at } });
  const installation = await db.appInstallation.create({
    data: { id: `ins_${hex()}`, tenantId, appId: app.id, versionId: app.versionId, scopes: ['read:goals'], grantId: grant.id, installedById: userId, installedAt: at },
  });
  return installation.id;
}

/** Ends an installation (as uninstalling does: the grant is revoked). */
export async function uninstall(installationId: string, at: Date = new Date()): Promise<void> {
  const installation = await db.appInstallation.update({ where: { id: installationId }, data: { uninstalledAt: at, endedReason: 'uninstalled' } });
  await db.oAuthGrant.update({ where: { id: installation.grantId }, data: { revokedAt: at } });
}
