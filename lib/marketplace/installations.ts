import { randomBytes } from 'node:crypto';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db, type Prisma } from '../db/client.ts';
import { emitEvent } from '../events/domain-events.ts';
import { conflict, forbidden, notFound } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { revokeGrantsInTx } from '../oauth/grants.ts';
import { hashOAuthSecret } from '../oauth/hash-client-secret.ts';
import { issuerFor } from '../oauth/issuer.ts';
import { generateCredential, newGrantId } from '../oauth/oauth-credentials.ts';
import { redirectUriProblem } from '../oauth/redirect-uri.ts';
import { AUTHORIZATION_CODE_LIFETIME } from '../oauth/token-lifetimes.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { allowLocalhost } from '../webhooks/endpoints.ts';
import { newDeliveryId } from '../webhooks/fan-out.ts';
import { webhookPayload } from '../webhooks/webhook-payload.ts';
import { getStripe } from '../billing/stripe-client.ts';
import { ensureVersionPrices } from './app-billing-catalog.ts';
import { installBilling, releaseEndedAppItems, syncInstallationItems, type BilledVia } from './app-billing.ts';
import { paidAppCharges, type AppCharge } from './app-charges.ts';
import { assetUrl } from './app-views.ts';
import { describePricing, type AppPricing } from './pricing.ts';
import { PRICE_SELECT, priceExample, pricingOf } from './version-pricing.ts';
import { consentScopes, installScopes, type ConsentScope } from './version-scopes.ts';
import { isSandboxApp, marketplaceSettings, visibleAppsWhere, type MarketplaceSettings } from './visibility.ts';

// Installing a marketplace app in a workspace: an admin consents once, for the whole workspace.
// That makes, in one transaction,
// - an OAuthGrant of kind `installation` (userId = the installing admin) with the version's
//   scopes: its tokens act as the app itself (lib/oauth/verify-access-token.ts), capped by the
//   admin role, attributed to the installer while they remain a member, else the earliest owner;
// - the AppInstallation (which version was consented to, by whom, when);
// - the app's webhook endpoint in the workspace (WebhookEndpoint.appInstallationId), subscribed
//   to the version's events plus app.installed / app.uninstalled, signed with the app's secret;
// - the `app.installed` event and an audit entry;
// - an authorization code, with which the browser is sent (303) to the version's setup URL (or
//   its first redirect URI) with `code`, `installation_id`, `workspace` (slug) and `iss`. The app
//   exchanges the code at the workspace's /oauth/token like any other code (client auth as
//   usual; no redirect_uri binding, no PKCE: the code went to a URL the reviewed version names).
// Installing again while installed is a re-consent: the installation moves to the version now
// offered, with its scopes, and a new code is sent to the setup URL.
// Uninstalling (or the app's removal, by the operator) ends it: endInstallation revokes the grant
// and every token and code of it, switches the app's endpoint off (it still gets the
// app.uninstalled event) and emits app.uninstalled, all at once.

export type InstallationEndReason = 'uninstalled' | 'app_removed';

export const newInstallationId = () => `ins_${randomBytes(12).toString('base64url')}`;

const APP_ENDPOINT_EVENTS = ['app.installed', 'app.uninstalled'];

/** The app's webhook endpoint's subscriptions: the version's events and the app's own. */
function endpointEvents(version: { webhookEvents: string[] }): string[] {
  return [...new Set([...version.webhookEvents, ...APP_ENDPOINT_EVENTS])];
}

const versionSelect = {
  id: true,
  number: true,
  status: true,
  name: true,
  tagline: true,
  logoAssetId: true,
  websiteUrl: true,
  privacyUrl: true,
  termsUrl: true,
  setupUrl: true,
  redirectUris: true,
  scopes: true,
  webhookEvents: true,
  webhookUrl: true,
  ...PRICE_SELECT,
} as const;

type VersionRow = Prisma.AppVersionGetPayload<{ select: typeof versionSelect }>;

interface InstallTarget {
  app: { id: string; slug: string; status: string; partnerId: string; oauthAppId: string; webhookSecretEncrypted: string | null; partner: { name: string } };
  version: VersionRow;
  /** The partner's own app in its sandbox workspace (loopback URLs allowed). */
  sandbox: boolean;
}

/**
 * The app a workspace may install under this slug, and the version it would get: the live one,
 * or in the partner's sandbox its newest version (what the partner is building). Apps the
 * workspace cannot see are not found; deprecated ones cannot be installed anew.
 */
async function installTarget(settings: MarketplaceSettings, slug: string): Promise<InstallTarget> {
  if (settings.mode === 'hidden' && !settings.sandboxOfPartnerId) throw notFound('The marketplace is turned off in this workspace.');
  const app = await db.marketplaceApp.findFirst({
    where: { AND: [{ slug }, visibleAppsWhere(settings)] },
    select: {
      id: true,
      slug: true,
      status: true,
      partnerId: true,
      oauthAppId: true,
      webhookSecretEncrypted: true,
      partner: { select: { name: true } },
      liveVersion: { select: versionSelect },
      versions: { orderBy: { number: 'desc' }, take: 1, select: versionSelect },
    },
  });
  if (!app) throw notFound('No such app in this workspace’s marketplace.');
  const sandbox = isSandboxApp(settings, app);
  const version = sandbox ? app.versions[0] : app.liveVersion;
  if (!version) throw notFound('This app has no version to install yet.');
  if (!sandbox && app.status !== 'published') throw conflict('This app is no longer offered for new installs.');
  return { app, version, sandbox };
}

/** Where the installer lands: the setup URL, else the first redirect URI, https (http loopback only in the sandbox, or on a development machine). */
function landingUrl(target: InstallTarget): URL {
  const raw = target.version.setupUrl ?? target.version.redirectUris[0];
  if (!raw) throw conflict(`${target.version.name} has no setup URL to send you to. Contact ${target.app.partner.name}.`);
  const url = new URL(raw);
  const problem = url.protocol === 'https:' || url.protocol === 'http:' ? redirectUriProblem(raw) : 'not a web URL';
  const loopback = url.protocol === 'http:';
  if (problem || (loopback && !target.sandbox && !allowLocalhost())) {
    throw conflict(`${target.version.name}'s setup URL cannot be used (it must be https). Contact ${target.app.partner.name}.`);
  }
  return url;
}

export interface InstallPrompt {
  app: { id: string; slug: string; name: string; tagline: string; logoUrl: string | null; partnerName: string; websiteUrl: string | null; privacyUrl: string | null; termsUrl: string | null };
  version: { id: string; number: number };
  scopes: ConsentScope[];
  /** Event types the app's endpoint will receive. */
  events: string[];
  /** The host the browser is sent to after consent. */
  landingHost: string;
  /** Already installed: this is a re-consent (to the version offered now). */
  installation: { id: string; scopes: string[]; versionId: string } | null;
  /** Scopes the offered version asks for beyond the installation's. */
  newScopes: string[];
  sandbox: boolean;
  /** What it costs, shown before consent; `blocked` replaces the Install button when set. */
  price: {
    pricing: AppPricing;
    label: string;
    /** Usage and hybrid: a month with `calls` calls costs `cents`. */
    example: { calls: number; cents: number } | null;
    billedVia: BilledVia;
    blocked: { code: string; message: string } | null;
  };
}

async function activeInstallation(tenantId: string, appId: string) {
  return db.appInstallation.findFirst({ where: { tenantId, appId, uninstalledAt: null }, select: { id: true, scopes: true, versionId: true, grantId: true } });
}

/** What the install consent page shows (admins only). */
export async function prepareInstall(tenant: TenantContext, member: Member, slug: string): Promise<InstallPrompt> {
  assertCan(member.role, 'integrations.manage', 'Only admins can install apps for the workspace.');
  const settings = await marketplaceSettings(tenant.id);
  const target = await installTarget(settings, slug);
  assertAllowed(settings, target);
  const landing = landingUrl(target);
  const installation = await activeInstallation(tenant.id, target.app.id);
  const scopes = consentScopes(target.version.scopes, tenant.branding.terminology);
  const { version, app } = target;
  const pricing = pricingOf(version);
  const billing = await installBilling(tenant.id, app.id, pricing, target.sandbox);
  return {
    price: {
      pricing,
      label: describePricing(pricing),
      example: priceExample(pricing),
      billedVia: billing.billedVia,
      blocked: billing.blocked && { code: billing.blocked.code, message: billing.blocked.message },
    },
    app: {
      id: app.id,
      slug: app.slug,
      name: version.name,
      tagline: version.tagline,
      logoUrl: version.logoAssetId ? assetUrl(version.logoAssetId) : null,
      partnerName: app.partner.name,
      websiteUrl: version.websiteUrl,
      privacyUrl: version.privacyUrl,
      termsUrl: version.termsUrl,
    },
    version: { id: version.id, number: version.number },
    scopes,
    events: version.webhookUrl ? endpointEvents(version) : [],
    landingHost: landing.host,
    installation: installation && { id: installation.id, scopes: installation.scopes, versionId: installation.versionId },
    newScopes: installation ? scopes.map((entry) => entry.scope).filter((scope) => !installation.scopes.includes(scope)) : [],
    sandbox: target.sandbox,
  };
}

/** An allow-listed marketplace only installs the listed apps (the sandbox partner's own always). */
function assertAllowed(settings: MarketplaceSettings, target: InstallTarget): void {
  if (target.sandbox || settings.mode !== 'allow_list') return;
  if (!settings.allowList.includes(target.app.id)) throw forbidden('Your workspace’s admins have not allowed this app.');
}

export interface InstallResult {
  installationId: string;
  /** The setup URL with the authorization code: send the browser there (303). */
  redirectTo: string;
  reconsent: boolean;
}

/**
 * The admin's consent. `versionId` is the version the consent page showed: if the app offers
 * another by now, nothing is installed (409) and the page is shown again.
 */
export async function installApp(tenant: TenantContext, member: Member, slug: string, input: { versionId: string }, ip: string | null = null): Promise<InstallResult> {
  assertCan(member.role, 'integrations.manage', 'Only admins can install apps for the workspace.');
  const settings = await marketplaceSettings(tenant.id);
  const target = await installTarget(settings, slug);
  assertAllowed(settings, target);
  if (input.versionId !== target.version.id) throw conflict('This app changed since the page was shown. Review what it asks for again.', { versionId: 'The app offers another version now.' });
  const landing = landingUrl(target);
  const scopes = installScopes(target.version.scopes);
  if (scopes.length === 0) throw conflict(`${target.version.name} asks for no scopes an installation can hold. Contact ${target.app.partner.name}.`);
  const { app, version } = target;
  const billing = await installBilling(tenant.id, app.id, pricingOf(version), target.sandbox);
  if (billing.blocked) throw billing.blocked;
  const stripe = getStripe();
  // The catalog first (it stores Stripe ids on our rows itself); a free version makes nothing.
  const prices = stripe ? await ensureVersionPrices(stripe, version.id) : null;
  const code = generateCredential('authorizationCode');
  const now = new Date();

  const { installationId, reconsent } = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`app-install:${app.id}:${tenant.id}`}))`;
    const existing = await tx.appInstallation.findFirst({
      where: { tenantId: tenant.id, appId: app.id, uninstalledAt: null },
      select: { id: true, grantId: true, stripeFeeItemId: true, stripeUsageItemId: true },
    });
    let id: string;
    let grantId: string;
    if (existing) {
      ({ id, grantId } = existing);
      await tx.appInstallation.update({ where: { id }, data: { versionId: version.id, scopes } });
      await tx.oAuthGrant.update({ where: { id: grantId }, data: { scopes } });
      const endpoint = await tx.webhookEndpoint.findUnique({ where: { appInstallationId: id }, select: { id: true } });
      if (endpoint && version.webhookUrl) await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: version.webhookUrl, eventTypes: endpointEvents(version) } });
      else if (endpoint) await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: 'The app no longer subscribes to events.' } });
      else if (version.webhookUrl && app.webhookSecretEncrypted) await createAppEndpoint(tx, tenant.id, id, member.userId, version, app.webhookSecretEncrypted);
    } else {
      id = newInstallationId();
      grantId = newGrantId();
      await tx.oAuthGrant.create({ data: { id: grantId, tenantId: tenant.id, appId: app.oauthAppId, userId: member.userId, kind: 'installation', scopes } });
      await tx.appInstallation.create({ data: { id, tenantId: tenant.id, appId: app.id, versionId: version.id, scopes, grantId, installedById: member.userId, installedAt: now } });
      // Before the event, so the endpoint exists when it happened and gets it.
      if (version.webhookUrl && app.webhookSecretEncrypted) await createAppEndpoint(tx, tenant.id, id, member.userId, version, app.webhookSecretEncrypted);
    }
    // Stripe inside the transaction (under the install lock): the installation and its items
    // exist together or not at all (a failed sync undoes its own items).
    const current = { stripeFeeItemId: existing?.stripeFeeItemId ?? null, stripeUsageItemId: existing?.stripeUsageItemId ?? null };
    const items =
      stripe && prices && (billing.subscriptionId || current.stripeFeeItemId || current.stripeUsageItemId)
        ? await syncInstallationItems(stripe, { installationId: id, tenantId: tenant.id, subscriptionId: billing.subscriptionId, prices, current })
        : current;
    await tx.appInstallation.update({ where: { id }, data: { billedVia: billing.billedVia, ...items } });
    await tx.oAuthAuthorizationCode.create({
      data: { tenantId: tenant.id, grantId, codeHash: hashOAuthSecret(code), redirectUri: null, scopes, expiresAt: new Date(now.getTime() + AUTHORIZATION_CODE_LIFETIME * 1000) },
    });
    await emitEvent(tx, tenant.id, 'app.installed', { installationId: id, appId: app.id, appSlug: app.slug, appName: version.name, scopes, installedById: member.userId, reconsent: Boolean(existing) }, member.userId);
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: existing ? 'app.reconsented' : 'app.installed',
      target: { type: 'app_installation', id },
      ip,
      metadata: { appId: app.id, appName: version.name, version: version.number, scopes, partner: app.partner.name, pricing: version.pricing, billedVia: billing.billedVia },
    });
    return { installationId: id, reconsent: Boolean(existing) };
  }, stripe ? { timeout: 60_000 } : undefined);

  landing.searchParams.set('code', code);
  landing.searchParams.set('installation_id', installationId);
  landing.searchParams.set('workspace', tenant.slug);
  landing.searchParams.set('iss', issuerFor(tenant));
  return { installationId, redirectTo: landing.toString(), reconsent };
}

async function createAppEndpoint(tx: Prisma.TransactionClient, tenantId: string, installationId: string, installerId: string, version: VersionRow, secretEncrypted: string): Promise<void> {
  await tx.webhookEndpoint.create({
    data: {
      id: `whk_${randomBytes(12).toString('base64url')}`,
      tenantId,
      url: version.webhookUrl!,
      description: `${version.name} (installed app)`,
      eventTypes: endpointEvents(version),
      secretEncrypted,
      createdById: installerId,
      appInstallationId: installationId,
    },
  });
}

export interface EndInstallationOptions {
  /** Who ended it; null for the platform (an app's removal). */
  actor?: { id: string; email: string } | null;
  ip?: string | null;
}

/**
 * Ends an installation inside the caller's transaction: the grant, its tokens and codes are
 * revoked, the app's endpoint is switched off (after being handed the app.uninstalled
 * delivery), and app.uninstalled is emitted with an audit entry. Returns null when it had
 * already ended (idempotent). Helper for uninstalls and for an app's removal.
 */
export async function endInstallation(
  tx: Prisma.TransactionClient,
  installationId: string,
  reason: InstallationEndReason,
  options: EndInstallationOptions = {},
): Promise<{ tenantId: string; appId: string } | null> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "AppInstallation" WHERE id = ${installationId} AND "uninstalledAt" IS NULL FOR UPDATE`;
  if (!locked) return null;
  const now = new Date();
  const actor = options.actor ?? null;
  const installation = await tx.appInstallation.update({
    where: { id: installationId },
    data: { uninstalledAt: now, uninstalledById: actor?.id ?? null, endedReason: reason },
    select: { id: true, tenantId: true, appId: true, grantId: true, versionId: true, scopes: true, app: { select: { slug: true } } },
  });
  const version = await tx.appVersion.findUnique({ where: { id: installation.versionId }, select: { name: true } });
  const appName = version?.name ?? installation.app.slug;
  await revokeGrantsInTx(tx, [installation.grantId], now);
  const eventId = await emitEvent(
    tx,
    installation.tenantId,
    'app.uninstalled',
    { installationId, appId: installation.appId, appSlug: installation.app.slug, appName, reason, uninstalledById: actor?.id ?? null },
    actor?.id ?? null,
  );
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { appInstallationId: installationId }, select: { id: true } });
  if (endpoint) {
    // The app hears about it on its own endpoint, which takes no other event from now on.
    const event = await tx.domainEvent.findUniqueOrThrow({ where: { id: eventId } });
    await tx.webhookDelivery.create({
      data: {
        id: newDeliveryId(),
        tenantId: installation.tenantId,
        endpointId: endpoint.id,
        eventId,
        eventType: 'app.uninstalled',
        payload: webhookPayload(event) as unknown as Prisma.InputJsonObject,
        nextAttemptAt: now,
      },
    });
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: reason === 'app_removed' ? 'The app was removed from the marketplace.' : 'The app was uninstalled.' } });
  }
  await recordAudit(tx, {
    tenantId: installation.tenantId,
    actor,
    action: 'app.uninstalled',
    target: { type: 'app_installation', id: installationId },
    ip: options.ip ?? null,
    metadata: { appId: installation.appId, appName, reason, scopes: installation.scopes },
  });
  return { tenantId: installation.tenantId, appId: installation.appId };
}

/** An admin uninstalls an app from the workspace: everything it held stops at once. */
export async function uninstallApp(tenant: TenantContext, member: Member, installationId: string, ip: string | null = null): Promise<void> {
  assertCan(member.role, 'integrations.manage', 'Only admins can uninstall apps.');
  const installation = await db.appInstallation.findFirst({ where: { id: installationId, tenantId: tenant.id, uninstalledAt: null }, select: { id: true } });
  if (!installation) throw notFound('No such installed app.');
  const ended = await db.$transaction((tx) => endInstallation(tx, installation.id, 'uninstalled', { actor: { id: member.userId, email: member.email }, ip }));
  if (!ended) throw notFound('No such installed app.');
  // After the commit: the add-on items go (prorated); a Stripe failure is retried by the usage report job.
  await releaseEndedAppItems({ id: installation.id });
}


export interface InstalledAppView {
  id: string;
  app: { id: string; slug: string; name: string; logoUrl: string | null; partnerName: string; status: string };
  version: { id: string; number: number };
  scopes: string[];
  installedAt: string;
  installedBy: { email: string; name: string | null } | null;
  lastActivityAt: string | null;
  /** The live version asks for scopes this installation has not consented to: an admin re-consents on the install page. */
  needsReconsent: boolean;
  /** The app's webhook endpoint in the workspace, if it subscribes to events. */
  webhookEvents: string[];
  /** A paid app: its price, this period's calls and the estimated cost (null when free). */
  charge: AppCharge | null;
}

/** The apps installed in the workspace now (admins). */
export async function listInstalledApps(tenant: TenantContext, member: Member): Promise<InstalledAppView[]> {
  assertCan(member.role, 'integrations.manage', 'Only admins can see the installed apps.');
  const rows = await db.appInstallation.findMany({
    where: { tenantId: tenant.id, uninstalledAt: null },
    orderBy: { installedAt: 'desc' },
    select: {
      id: true,
      versionId: true,
      scopes: true,
      installedAt: true,
      installedById: true,
      lastActivityAt: true,
      app: { select: { id: true, slug: true, status: true, partnerId: true, partner: { select: { name: true } }, liveVersion: { select: { scopes: true } } } },
    },
  });
  if (rows.length === 0) return [];
  const [versions, users, endpoints, settings, charges] = await Promise.all([
    db.appVersion.findMany({ where: { id: { in: rows.map((r) => r.versionId) } }, select: { id: true, number: true, name: true, logoAssetId: true } }),
    db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.installedById ? [r.installedById] : [])) } }, select: { id: true, email: true, name: true } }),
    db.webhookEndpoint.findMany({ where: { tenantId: tenant.id, appInstallationId: { in: rows.map((r) => r.id) } }, select: { appInstallationId: true, eventTypes: true, enabled: true } }),
    marketplaceSettings(tenant.id),
    paidAppCharges(tenant.id),
  ]);
  const chargeOf = new Map(charges.map((c) => [c.installationId, c]));
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const userOf = new Map(users.map((u) => [u.id, u]));
  const endpointOf = new Map(endpoints.map((e) => [e.appInstallationId, e]));
  return rows.map((row) => {
    const version = versionOf.get(row.versionId);
    const live = row.app.liveVersion && !isSandboxApp(settings, row.app) ? installScopes(row.app.liveVersion.scopes) : [];
    const endpoint = endpointOf.get(row.id);
    const installer = row.installedById ? userOf.get(row.installedById) : undefined;
    return {
      id: row.id,
      app: { id: row.app.id, slug: row.app.slug, name: version?.name ?? row.app.slug, logoUrl: version?.logoAssetId ? assetUrl(version.logoAssetId) : null, partnerName: row.app.partner.name, status: row.app.status },
      version: { id: row.versionId, number: version?.number ?? 0 },
      scopes: row.scopes,
      installedAt: row.installedAt.toISOString(),
      installedBy: installer ? { email: installer.email, name: installer.name } : null,
      lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
      needsReconsent: row.app.status === 'published' && live.some((scope) => !row.scopes.includes(scope)),
      webhookEvents: endpoint?.enabled ? endpoint.eventTypes : [],
      charge: chargeOf.get(row.id) ?? null,
    };
  });
}
