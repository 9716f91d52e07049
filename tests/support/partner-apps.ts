import { db } from '../../lib/db/client.ts';
import type { PartnerStatus } from '../../lib/db/generated/enums.ts';
import { CURRENT_AGREEMENT } from '../../lib/partners/agreement.ts';
import { partnerActorFor, type PartnerActor } from '../../lib/partners/partner-actor.ts';
import { createMember, createTenant, uniqueSlug } from './factories.ts';
import { png } from './png.ts';

// Partners made straight in the database (lib/partners tests its own rules), each with an
// owner and a sandbox workspace, for the marketplace's app and review services.

export interface TestPartner {
  id: string;
  name: string;
  sandbox: { id: string; slug: string };
  actor: PartnerActor;
}

export async function partnerUser(partnerId: string, role: 'owner' | 'developer' | 'billing' = 'owner'): Promise<PartnerActor> {
  const email = `${uniqueSlug('pu')}@partner.test`;
  const user = await db.user.create({ data: { email, name: email.split('@')[0] } });
  await db.partnerUser.create({ data: { partnerId, userId: user.id, role } });
  const actor = await partnerActorFor(user.id);
  if (!actor) throw new Error('no partner actor');
  return actor;
}

export async function createPartner(options: { status?: PartnerStatus; name?: string } = {}): Promise<TestPartner> {
  const slug = uniqueSlug('partner');
  const name = options.name ?? `Partner ${slug}`;
  const partner = await db.partner.create({ data: { name, slug, status: options.status ?? 'active', agreementVersion: CURRENT_AGREEMENT.version, agreementAcceptedAt: new Date() } });
  const sandbox = await createTenant({ slug: `${slug}-sandbox`, name: `${name} sandbox` });
  await db.tenant.update({ where: { id: sandbox.id }, data: { sandboxOfPartnerId: partner.id } });
  return { id: partner.id, name, sandbox: { id: sandbox.id, slug: sandbox.slug }, actor: await partnerUser(partner.id, 'owner') };
}

/** A workspace that has the app installed (rows made directly; helper M's install flow makes them for real). */
export async function installedIn(appId: string, oauthAppId: string) {
  const tenant = await createTenant();
  const admin = await createMember(tenant.id, 'admin');
  const grant = await db.oAuthGrant.create({ data: { id: `grt_${uniqueSlug('g').replace('-', '')}`, tenantId: tenant.id, appId: oauthAppId, userId: admin.id, kind: 'installation', scopes: ['read:goals'] } });
  const token = await db.oAuthToken.create({ data: { tenantId: tenant.id, grantId: grant.id, accessTokenHash: uniqueSlug('h'), accessTokenExpiresAt: new Date(Date.now() + 3_600_000), scopes: ['read:goals'] } });
  const version = await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId }, select: { liveVersionId: true } });
  const installation = await db.appInstallation.create({ data: { id: `ins_${uniqueSlug('i').replace('-', '')}`, tenantId: tenant.id, appId, versionId: version.liveVersionId!, scopes: ['read:goals'], grantId: grant.id, installedById: admin.id } });
  const endpoint = await db.webhookEndpoint.create({ data: { id: `whk_${uniqueSlug('w').replace('-', '')}`, tenantId: tenant.id, url: 'https://93.184.216.34/hooks', secretEncrypted: 'x', appInstallationId: installation.id } });
  return { tenant, admin, grant, token, installation, endpoint };
}

/** Everything a version needs to pass the submission checks (the logo is uploaded separately). */
export const completeVersion = {
  tagline: 'Sync workouts into habits',
  description: 'Pulse Sync logs your runs, rides and swims as habit check-ins, and keeps your fitness goals up to date without typing a thing.',
  privacyUrl: 'https://pulse.example.com/privacy',
  websiteUrl: 'https://pulse.example.com',
  setupUrl: 'https://pulse.example.com/setup',
  redirectUris: ['https://pulse.example.com/oauth/callback'],
  scopes: [{ scope: 'read:habits', justification: 'To show which habits a workout will check off.' }],
  webhookEvents: ['habit.logged'],
  webhookUrl: 'https://93.184.216.34/waypoint/webhooks',
};

export const logoPng = () => png(256, 256);
