import { base62 } from '../api-keys/generate-api-key.ts';
import { decryptSecret, encryptSecret } from '../crypto/encrypt-secret.ts';
import { db } from '../db/client.ts';
import type { MarketplaceAppStatus } from '../db/generated/enums.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { hashOAuthSecret, secretHint } from '../oauth/hash-client-secret.ts';
import { generateCredential, newAppId } from '../oauth/oauth-credentials.ts';
import { assertAgreementCurrent } from '../partners/agreement.ts';
import { assertActivePartner, assertDeveloper, type PartnerActor } from '../partners/partner-actor.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import { generateWebhookSecret } from '../webhooks/sign-webhook.ts';
import { allowLocalhost } from '../webhooks/endpoints.ts';
import { commentSchema, createAppSchema, submitSchema, versionUpdateSchema } from './app-schema.ts';
import { emailPartner } from './app-emails.ts';
import { commentsOf, isUniqueViolation, lockApp, partnerSandbox, publishInTx, type Tx } from './app-lifecycle.ts';
import {
  EDITABLE_STATUSES,
  OPEN_STATUSES,
  assetUrl,
  scopesOf,
  toVersionSummary,
  toVersionView,
  versionSelect,
  type AppVersionView,
  type CommentView,
  type VersionRow,
  type VersionSummary,
} from './app-views.ts';
import { splitPriceInput } from './version-pricing.ts';
import { checkFieldErrors, runSubmissionChecks, type CheckOptions, type SubmissionCheck } from './submission-checks.ts';
import { isReservedAppSlug } from './reserved-slugs.ts';

// A partner's apps, as its owners and developers work on them in the partner portal: create
// (with the OAuth client in the partner's sandbox workspace and the webhook signing secret),
// edit the open version, run the submission checks, submit, answer the reviewer, publish once
// approved, start a new version of a published app (reviewed while the old one stays live).
// Every query is scoped by the actor's partner: another partner's app is "not found".

export interface PartnerAppSummary {
  id: string;
  slug: string;
  status: MarketplaceAppStatus;
  name: string;
  tagline: string;
  category: string;
  logoUrl: string | null;
  featured: boolean;
  live: { id: string; number: number } | null;
  open: { id: string; number: number; status: VersionSummary['status'] } | null;
  updatedAt: string;
}

export interface PartnerAppDetail extends PartnerAppSummary {
  oauth: { clientId: string; secretHint: string | null; secretRotatedAt: string | null; redirectUris: string[]; allowedScopes: string[] };
  sandbox: { slug: string; name: string } | null;
  hasWebhookSecret: boolean;
  versions: VersionSummary[];
  liveVersion: AppVersionView | null;
  openVersion: AppVersionView | null;
  installs: number;
  publishedAt: string | null;
  deprecatedAt: string | null;
  removedAt: string | null;
}

function canDevelop(actor: PartnerActor): void {
  assertActivePartner(actor);
  assertDeveloper(actor);
}

const summarySelect = {
  id: true,
  slug: true,
  status: true,
  featuredAt: true,
  updatedAt: true,
  liveVersion: { select: { id: true, number: true, name: true, tagline: true, category: true, logoAssetId: true } },
  versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true, status: true, name: true, tagline: true, category: true, logoAssetId: true } },
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  status: MarketplaceAppStatus;
  featuredAt: Date | null;
  updatedAt: Date;
  liveVersion: { id: string; number: number; name: string; tagline: string; category: string; logoAssetId: string | null } | null;
  versions: { id: string; number: number; status: VersionSummary['status']; name: string; tagline: string; category: string; logoAssetId: string | null }[];
};

function toSummary(row: SummaryRow): PartnerAppSummary {
  const latest = row.versions[0];
  const shown = row.liveVersion ?? latest;
  const open = latest && OPEN_STATUSES.includes(latest.status) ? { id: latest.id, number: latest.number, status: latest.status } : null;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    name: shown?.name ?? row.slug,
    tagline: shown?.tagline ?? '',
    category: shown?.category ?? 'custom',
    logoUrl: shown?.logoAssetId ? assetUrl(shown.logoAssetId) : null,
    featured: row.featuredAt !== null,
    live: row.liveVersion ? { id: row.liveVersion.id, number: row.liveVersion.number } : null,
    open,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listPartnerApps(actor: PartnerActor): Promise<PartnerAppSummary[]> {
  const rows = await db.marketplaceApp.findMany({ where: { partnerId: actor.partnerId }, orderBy: { createdAt: 'desc' }, select: summarySelect });
  return rows.map(toSummary);
}

/** The open version (at most one): the one being edited, reviewed or waiting to be published. */
async function openVersionOf(client: Pick<Tx, 'appVersion'>, appId: string): Promise<VersionRow | null> {
  return client.appVersion.findFirst({ where: { appId, status: { in: OPEN_STATUSES } }, orderBy: { number: 'desc' }, select: versionSelect });
}

export async function getPartnerApp(actor: PartnerActor, appId: string): Promise<PartnerAppDetail> {
  const row = await db.marketplaceApp.findFirst({
    where: { id: appId, partnerId: actor.partnerId },
    select: {
      ...summarySelect,
      publishedAt: true,
      deprecatedAt: true,
      removedAt: true,
      webhookSecretEncrypted: true,
      oauthApp: { select: { clientId: true, secretHint: true, secretRotatedAt: true, redirectUris: true, allowedScopes: true, tenant: { select: { slug: true, name: true } } } },
      _count: { select: { installations: { where: { uninstalledAt: null } } } },
    },
  });
  if (!row) throw notFound('No such app.');
  const [versions, open, live] = await Promise.all([
    db.appVersion.findMany({ where: { appId }, orderBy: { number: 'desc' }, select: { id: true, number: true, status: true, submittedAt: true, decidedAt: true, publishedAt: true, createdAt: true } }),
    openVersionOf(db, appId),
    row.liveVersion ? db.appVersion.findUnique({ where: { id: row.liveVersion.id }, select: versionSelect }) : null,
  ]);
  const comments = await commentsOf([open?.id, live?.id].filter((id): id is string => Boolean(id)), 'partner');
  return {
    ...toSummary(row),
    oauth: {
      clientId: row.oauthApp.clientId,
      secretHint: row.oauthApp.secretHint,
      secretRotatedAt: row.oauthApp.secretRotatedAt?.toISOString() ?? null,
      redirectUris: row.oauthApp.redirectUris,
      allowedScopes: row.oauthApp.allowedScopes,
    },
    sandbox: row.oauthApp.tenant,
    hasWebhookSecret: row.webhookSecretEncrypted !== null,
    versions: versions.map(toVersionSummary),
    liveVersion: live ? toVersionView(live, comments.get(live.id)) : null,
    openVersion: open ? toVersionView(open, comments.get(open.id)) : null,
    installs: row._count.installations,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    deprecatedAt: row.deprecatedAt?.toISOString() ?? null,
    removedAt: row.removedAt?.toISOString() ?? null,
  };
}

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/g, '');
  if (base.length < 3) return `app-${base || base62(6).toLowerCase()}`;
  // An app named "Slack" must not take the built-in integration's address.
  return isReservedAppSlug(base) ? `${base}-app` : base;
}

export interface CreatedApp {
  app: PartnerAppDetail;
  /** Shown once: the OAuth client secret of the app's confidential client. */
  clientSecret: string;
  /** The signing secret of the app's webhook deliveries (the partner can see it again later). */
  webhookSecret: string;
}

/**
 * Starts an app: its listing's first version (a draft), its OAuth client (confidential,
 * registered in the partner's sandbox workspace) and its webhook signing secret.
 */
export async function createApp(actor: PartnerActor, input: unknown, ip: string | null = null): Promise<CreatedApp> {
  canDevelop(actor);
  const data = parseInput(createAppSchema, input);
  const sandbox = await partnerSandbox(actor.partnerId);
  const clientSecret = generateCredential('clientSecret');
  const webhookSecret = generateWebhookSecret();
  const wanted = data.slug ?? slugify(data.name);
  for (let attempt = 0; ; attempt += 1) {
    const slug = attempt === 0 ? wanted : `${wanted.slice(0, 33)}-${base62(6).toLowerCase()}`;
    try {
      const appId = await db.$transaction(async (tx) => {
        const client = await tx.oAuthApp.create({
          data: {
            id: newAppId(),
            tenantId: sandbox.id,
            createdById: actor.userId,
            clientId: generateCredential('clientId'),
            clientType: 'confidential',
            secretHash: hashOAuthSecret(clientSecret),
            secretHint: secretHint(clientSecret),
            name: data.name,
            redirectUris: [],
            allowedScopes: [],
          },
          select: { id: true },
        });
        const app = await tx.marketplaceApp.create({
          data: { id: newAppId(), partnerId: actor.partnerId, slug, oauthAppId: client.id, webhookSecretEncrypted: encryptSecret(webhookSecret) },
          select: { id: true },
        });
        await tx.appVersion.create({ data: { appId: app.id, number: 1, name: data.name, tagline: data.tagline ?? '', description: '', category: data.category, createdById: actor.userId } });
        await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'app.created', target: { type: 'marketplace_app', id: app.id }, ip, metadata: { partnerId: actor.partnerId, name: data.name, slug } });
        return app.id;
      });
      return { app: await getPartnerApp(actor, appId), clientSecret, webhookSecret };
    } catch (error) {
      if (!isUniqueViolation(error, 'slug')) throw error;
      if (data.slug) throw validationFailed({ slug: 'Another app uses this address. Choose another.' });
      if (attempt >= 3) throw conflict('Could not find a free address for the app. Choose one.');
    }
  }
}

/**
 * While an app was never published, its OAuth client follows the draft (so it can be installed
 * and tried in the sandbox); after that it follows the live version only (publishInTx).
 */
async function syncDraftClient(tx: Tx, app: { status: MarketplaceAppStatus; oauthAppId: string }, version: VersionRow): Promise<void> {
  if (app.status !== 'draft') return;
  await tx.oAuthApp.update({ where: { id: app.oauthAppId }, data: { name: version.name, redirectUris: version.redirectUris, allowedScopes: scopesOf(version.scopes).map((s) => s.scope) } });
}

async function editableVersion(tx: Tx, appId: string): Promise<VersionRow> {
  const open = await openVersionOf(tx, appId);
  if (!open) throw conflict('There is no version being edited. Start a new version first.');
  if (!EDITABLE_STATUSES.includes(open.status)) {
    throw conflict(open.status === 'approved' ? `Version ${open.number} is approved: publish it, then start a new version.` : `Version ${open.number} is waiting for review and cannot be edited now.`);
  }
  return open;
}

/** Changes the version being edited (a draft, or one the reviewer asked changes on). */
export async function updateAppVersion(actor: PartnerActor, appId: string, input: unknown): Promise<AppVersionView> {
  canDevelop(actor);
  const { rest, price } = splitPriceInput(input ?? {});
  const data = parseInput(versionUpdateSchema, rest);
  const row = await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, actor.partnerId);
    if (app.status === 'removed') throw conflict('The app was removed.');
    const version = await editableVersion(tx, appId);
    const updated = await tx.appVersion.update({
      where: { id: version.id },
      data: { ...data, ...(data.scopes ? { scopes: data.scopes } : {}), ...(price ?? {}) },
      select: versionSelect,
    });
    await syncDraftClient(tx, app, updated);
    return updated;
  });
  return toVersionView(row, (await commentsOf([row.id], 'partner')).get(row.id));
}

function checkOptions(): CheckOptions {
  return { allowLocalhostWebhooks: allowLocalhost() };
}

async function logoFacts(assetId: string | null) {
  if (!assetId) return null;
  return db.asset.findFirst({ where: { id: assetId, kind: 'app_logo' }, select: { contentType: true, size: true, data: true } });
}

async function checkVersion(version: VersionRow, options: CheckOptions): Promise<SubmissionCheck[]> {
  return runSubmissionChecks({ ...version, scopes: scopesOf(version.scopes) }, await logoFacts(version.logoAssetId), options);
}

/** Runs the submission checks on the open version and keeps the result on it. */
export async function runAppChecks(actor: PartnerActor, appId: string, options: CheckOptions = checkOptions()): Promise<SubmissionCheck[]> {
  canDevelop(actor);
  const app = await db.marketplaceApp.findFirst({ where: { id: appId, partnerId: actor.partnerId }, select: { id: true } });
  if (!app) throw notFound('No such app.');
  const version = await openVersionOf(db, appId);
  if (!version) throw conflict('There is no version being edited. Start a new version first.');
  const checks = await checkVersion(version, options);
  if (EDITABLE_STATUSES.includes(version.status)) await db.appVersion.update({ where: { id: version.id }, data: { checks: checks as object[] } });
  return checks;
}

const checkedFields = (v: VersionRow) =>
  JSON.stringify([v.description, v.privacyUrl, v.redirectUris, v.scopes, v.webhookEvents, v.webhookUrl, v.logoAssetId, v.pricing, v.monthlyFeeCents, v.per1000CallsCents, v.includedCalls, v.supportUrl, v.termsUrl]);

/**
 * Sends the version being edited to review. The automated checks run first and are stored on
 * the version; any failure is a 422 naming the fields to fix. A note goes into the review thread.
 */
export async function submitAppVersion(actor: PartnerActor, appId: string, input: unknown, ip: string | null = null, options: CheckOptions = checkOptions()): Promise<AppVersionView> {
  canDevelop(actor);
  assertAgreementCurrent(actor.partner);
  const { note } = parseInput(submitSchema, input ?? {});
  const found = await db.marketplaceApp.findFirst({ where: { id: appId, partnerId: actor.partnerId }, select: { id: true } });
  if (!found) throw notFound('No such app.');
  const peek = await editableVersion(db as unknown as Tx, appId);
  const checks = await checkVersion(peek, options);
  await db.appVersion.update({ where: { id: peek.id }, data: { checks: checks as object[] } });
  const failed = checkFieldErrors(checks);
  if (Object.keys(failed).length) throw validationFailed(failed, 'The submission checks found problems: fix them and submit again.');
  const row = await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, actor.partnerId);
    if (app.status === 'removed') throw conflict('The app was removed.');
    const version = await editableVersion(tx, appId);
    if (version.id !== peek.id || checkedFields(version) !== checkedFields(peek)) throw conflict('The version changed while it was being checked. Submit again.');
    const resubmission = version.status === 'changes_requested';
    const updated = await tx.appVersion.update({ where: { id: version.id }, data: { status: 'submitted', submittedAt: new Date(), checks: checks as object[] }, select: versionSelect });
    if (note) await tx.appReviewComment.create({ data: { versionId: version.id, authorId: actor.userId, side: 'partner', body: note } });
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'app_version.submitted', target: { type: 'app_version', id: version.id }, ip, metadata: { appId, number: version.number, resubmission } });
    return updated;
  });
  await emailPartner(actor.partnerId, { id: appId, name: row.name }, row.number, 'submitted');
  return toVersionView(row, (await commentsOf([row.id], 'partner')).get(row.id));
}

/** The partner's side of the review thread, on the open version (or the latest one). */
export async function addPartnerComment(actor: PartnerActor, appId: string, input: unknown): Promise<CommentView[]> {
  canDevelop(actor);
  const { body } = parseInput(commentSchema, input);
  const app = await db.marketplaceApp.findFirst({ where: { id: appId, partnerId: actor.partnerId }, select: { id: true } });
  if (!app) throw notFound('No such app.');
  const version = (await openVersionOf(db, appId)) ?? (await db.appVersion.findFirst({ where: { appId }, orderBy: { number: 'desc' }, select: versionSelect }));
  if (!version) throw notFound('No such app.');
  await db.appReviewComment.create({ data: { versionId: version.id, authorId: actor.userId, side: 'partner', body } });
  return (await commentsOf([version.id], 'partner')).get(version.id) ?? [];
}

/**
 * A new version of an app, copied from its latest one, to change the listing, the redirect
 * URIs or the scopes; the live version keeps serving installs until the new one is published.
 */
export async function startNewVersion(actor: PartnerActor, appId: string, ip: string | null = null): Promise<AppVersionView> {
  canDevelop(actor);
  const row = await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, actor.partnerId);
    if (app.status === 'removed') throw conflict('The app was removed.');
    const open = await openVersionOf(tx, appId);
    if (open) throw conflict(`Version ${open.number} is still open (${open.status.replace('_', ' ')}): finish it first.`);
    const latest = await tx.appVersion.findFirst({ where: { appId }, orderBy: { number: 'desc' }, select: versionSelect });
    if (!latest) throw notFound('No such app.');
    const created = await tx.appVersion.create({
      data: {
        appId,
        number: latest.number + 1,
        name: latest.name,
        tagline: latest.tagline,
        description: latest.description,
        category: latest.category,
        logoAssetId: latest.logoAssetId,
        screenshotAssetIds: latest.screenshotAssetIds,
        websiteUrl: latest.websiteUrl,
        docsUrl: latest.docsUrl,
        supportUrl: latest.supportUrl,
        privacyUrl: latest.privacyUrl,
        termsUrl: latest.termsUrl,
        setupUrl: latest.setupUrl,
        redirectUris: latest.redirectUris,
        scopes: scopesOf(latest.scopes),
        webhookEvents: latest.webhookEvents,
        webhookUrl: latest.webhookUrl,
        // The price carries over with its amounts (a model without them would fail its own schema).
        pricing: latest.pricing,
        priceCurrency: latest.priceCurrency,
        monthlyFeeCents: latest.monthlyFeeCents,
        per1000CallsCents: latest.per1000CallsCents,
        includedCalls: latest.includedCalls,
        createdById: actor.userId,
      },
      select: versionSelect,
    });
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'app_version.created', target: { type: 'app_version', id: created.id }, ip, metadata: { appId, number: created.number } });
    return created;
  });
  return toVersionView(row, []);
}

/** Publishes the approved version: it becomes the live one (the previous one is superseded). */
export async function publishAppVersion(actor: PartnerActor, appId: string, ip: string | null = null): Promise<PartnerAppDetail> {
  canDevelop(actor);
  assertAgreementCurrent(actor.partner);
  const version = await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, actor.partnerId);
    if (app.status === 'removed') throw conflict('The app was removed.');
    if (app.status === 'deprecated') throw conflict('The app is deprecated: it cannot publish new versions.');
    const open = await openVersionOf(tx, appId);
    if (!open || open.status !== 'approved') throw conflict('Only an approved version can be published.');
    await publishInTx(tx, app, open.id);
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'app_version.published', target: { type: 'app_version', id: open.id }, ip, metadata: { appId, number: open.number, previousVersionId: app.liveVersionId } });
    return open;
  });
  await emailPartner(actor.partnerId, { id: appId, name: version.name }, version.number, 'published');
  return getPartnerApp(actor, appId);
}

/** A new client secret for the app's OAuth client, shown once; the old one stops at once. */
export async function rotateAppClientSecret(actor: PartnerActor, appId: string, ip: string | null = null): Promise<{ clientSecret: string; secretHint: string }> {
  canDevelop(actor);
  const clientSecret = generateCredential('clientSecret');
  await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, actor.partnerId);
    await tx.oAuthApp.update({ where: { id: app.oauthAppId }, data: { secretHash: hashOAuthSecret(clientSecret), secretHint: secretHint(clientSecret), secretRotatedAt: new Date() } });
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'app.client_secret_rotated', target: { type: 'marketplace_app', id: appId }, ip });
  });
  return { clientSecret, secretHint: secretHint(clientSecret) };
}

/** The app's webhook signing secret (the partner's receiver verifies deliveries with it). */
export async function revealWebhookSecret(actor: PartnerActor, appId: string, ip: string | null = null): Promise<{ webhookSecret: string | null }> {
  canDevelop(actor);
  const app = await db.marketplaceApp.findFirst({ where: { id: appId, partnerId: actor.partnerId }, select: { webhookSecretEncrypted: true } });
  if (!app) throw notFound('No such app.');
  // Who read a signing secret, and when, is part of the record (as a rotation is).
  if (app.webhookSecretEncrypted) await recordPlatformAudit(db, { actor: { id: actor.userId, email: actor.email }, action: 'app.webhook_secret_revealed', target: { type: 'marketplace_app', id: appId }, ip });
  return { webhookSecret: app.webhookSecretEncrypted ? decryptSecret(app.webhookSecretEncrypted) : null };
}

/**
 * A new webhook signing secret. Every installation's endpoint takes it at once and keeps
 * signing with the old one too for 24 hours, so the partner can roll its receiver over.
 */
export async function rotateWebhookSecret(actor: PartnerActor, appId: string, ip: string | null = null): Promise<{ webhookSecret: string }> {
  canDevelop(actor);
  const webhookSecret = generateWebhookSecret();
  const encrypted = encryptSecret(webhookSecret);
  await db.$transaction(async (tx) => {
    await lockApp(tx, appId, actor.partnerId);
    await tx.marketplaceApp.update({ where: { id: appId }, data: { webhookSecretEncrypted: encrypted } });
    const installs = (await tx.appInstallation.findMany({ where: { appId, uninstalledAt: null }, select: { id: true } })).map((i) => i.id);
    const endpoints = await tx.webhookEndpoint.findMany({ where: { appInstallationId: { in: installs } }, select: { id: true, secretEncrypted: true } });
    for (const endpoint of endpoints) {
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secretEncrypted: encrypted, previousSecretEncrypted: endpoint.secretEncrypted, previousSecretExpiresAt: new Date(Date.now() + 24 * 3_600_000) } });
    }
    await recordPlatformAudit(tx, { actor: { id: actor.userId, email: actor.email }, action: 'app.webhook_secret_rotated', target: { type: 'marketplace_app', id: appId }, ip });
  });
  return { webhookSecret };
}
