import { db, Prisma } from '../db/client.ts';
import type { MarketplaceAppStatus } from '../db/generated/enums.ts';
import { conflict, notFound, parseInput } from '../http/problem.ts';
import { revokeGrantsInTx } from '../oauth/grants.ts';
import { ensurePartnerSandbox } from '../partners/sandbox.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { optionalReasonSchema, reasonSchema } from './app-schema.ts';
import { emailInstallersBeforeRemoval, emailPartner } from './app-emails.ts';
import { commentSelect, scopesOf, toCommentViews, type CommentView } from './app-views.ts';
import { releaseEndedAppItems } from './app-billing.ts';
import { endInstallation, type InstallationEndReason } from './installations.ts';
import { refreshSearchVector } from './search-index.ts';

// What happens to an app as a whole, whoever does it: publishing an approved version (the
// partner does it, after approval: see the README), deprecating, removing. Every transition
// locks the app's row first, so two of them on one app run one after the other, and writes a
// platform audit entry in the same transaction.

export type Tx = Prisma.TransactionClient;

/** Who acts: the partner that owns the app, or a platform operator. */
export type AppActor = { partner: PartnerActor } | { operator: OperatorActor };

export function auditActor(by: AppActor): { id: string; email: string } {
  return 'partner' in by ? { id: by.partner.userId, email: by.partner.email } : { id: by.operator.userId, email: by.operator.email };
}

export interface LockedApp {
  id: string;
  partnerId: string;
  status: MarketplaceAppStatus;
  liveVersionId: string | null;
  oauthAppId: string;
}

/** The app's row, locked for the transaction; another partner's app is "not found". */
export async function lockApp(tx: Tx, appId: string, partnerId: string | null): Promise<LockedApp> {
  const rows = await tx.$queryRaw<LockedApp[]>`
    SELECT id, "partnerId", status::text AS status, "liveVersionId", "oauthAppId" FROM "MarketplaceApp" WHERE id = ${appId} FOR UPDATE`;
  const app = rows[0];
  if (!app || (partnerId !== null && app.partnerId !== partnerId)) throw notFound('No such app.');
  return app;
}

export async function commentsOf(versionIds: string[], viewer: 'partner' | 'operator', client: Pick<Tx, 'appReviewComment' | 'user'> = db): Promise<Map<string, CommentView[]>> {
  const rows = await client.appReviewComment.findMany({ where: { versionId: { in: versionIds } }, orderBy: { createdAt: 'asc' }, select: { ...commentSelect, versionId: true } });
  const authorIds = [...new Set(rows.flatMap((row) => (row.authorId ? [row.authorId] : [])))];
  const authors = new Map((await client.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true, name: true } })).map((user) => [user.id, user]));
  const byVersion = new Map<string, CommentView[]>();
  for (const id of versionIds) byVersion.set(id, toCommentViews(rows.filter((row) => row.versionId === id), authors, viewer));
  return byVersion;
}

/**
 * Makes an approved version the live one: the previous live version is superseded, the app's
 * OAuth client gets the new version's redirect URIs and scopes (narrowing scopes narrows the
 * existing tokens too), and the search index follows.
 */
export async function publishInTx(tx: Tx, app: LockedApp, versionId: string, now = new Date()): Promise<void> {
  const version = await tx.appVersion.findUniqueOrThrow({ where: { id: versionId }, select: { id: true, name: true, tagline: true, websiteUrl: true, redirectUris: true, scopes: true } });
  if (app.liveVersionId) await tx.appVersion.update({ where: { id: app.liveVersionId }, data: { status: 'superseded' } });
  await tx.appVersion.update({ where: { id: versionId }, data: { status: 'published', publishedAt: now } });
  await tx.marketplaceApp.update({ where: { id: app.id }, data: { status: 'published', liveVersionId: versionId, publishedAt: now } });
  await tx.oAuthApp.update({
    where: { id: app.oauthAppId },
    data: { name: version.name, description: version.tagline || null, homepageUrl: version.websiteUrl, redirectUris: version.redirectUris, allowedScopes: scopesOf(version.scopes).map((s) => s.scope) },
  });
  await refreshSearchVector(tx, app.id);
}

/**
 * Ends every live installation of the app (lib/marketplace/installations.ts: each one's
 * workspace grant is revoked with its tokens and codes, the app's endpoint there hears
 * app.uninstalled and is switched off).
 */
export async function endInstallationsOfApp(tx: Tx, appId: string, reason: InstallationEndReason): Promise<number> {
  const installs = await tx.appInstallation.findMany({ where: { appId, uninstalledAt: null }, select: { id: true } });
  let ended = 0;
  for (const install of installs) if (await endInstallation(tx, install.id, reason, { actor: null })) ended += 1;
  return ended;
}

async function appName(appId: string): Promise<{ name: string; number: number }> {
  const app = await db.marketplaceApp.findUnique({ where: { id: appId }, select: { liveVersion: { select: { name: true, number: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true, number: true } } } });
  return app?.liveVersion ?? app?.versions[0] ?? { name: 'Your app', number: 1 };
}

/**
 * Hides a published app from the marketplace and from new installs; existing installations
 * keep working. The partner may do it to its own app (reason optional), the operator to any.
 */
export async function deprecateApp(by: AppActor, appId: string, input: unknown, ip: string | null = null): Promise<void> {
  const { reason } = parseInput(optionalReasonSchema, input ?? {});
  const partnerId = await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, 'partner' in by ? by.partner.partnerId : null);
    if (app.status !== 'published') throw conflict(app.status === 'deprecated' ? 'The app is already deprecated.' : 'Only a published app can be deprecated.');
    await tx.marketplaceApp.update({ where: { id: appId }, data: { status: 'deprecated', deprecatedAt: new Date(), featuredAt: null } });
    await refreshSearchVector(tx, appId);
    await recordPlatformAudit(tx, { actor: auditActor(by), action: 'app.deprecated', target: { type: 'marketplace_app', id: appId }, reason: reason ?? null, ip, metadata: { by: 'partner' in by ? 'partner' : 'operator' } });
    return app.partnerId;
  });
  const { name, number } = await appName(appId);
  await emailPartner(partnerId, { id: appId, name }, number, 'deprecated', reason ?? null);
}

/**
 * Takes an app off the marketplace for good: the admins of every workspace that installed it
 * are emailed first, then every installation is ended (grants, tokens and webhook endpoints
 * revoked at once), any version under review is closed, and the partner is told. A reason is
 * required: it is in the emails and the audit log.
 */
export async function removeApp(by: AppActor, appId: string, input: unknown, ip: string | null = null): Promise<{ endedInstallations: number }> {
  const { reason } = parseInput(reasonSchema, input ?? {});
  const peek = await db.marketplaceApp.findUnique({ where: { id: appId }, select: { partnerId: true, status: true } });
  if (!peek || ('partner' in by && peek.partnerId !== by.partner.partnerId)) throw notFound('No such app.');
  if (peek.status === 'removed') throw conflict('The app is already removed.');
  const { name, number } = await appName(appId);
  await emailInstallersBeforeRemoval(appId, name, reason);
  const result = await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, 'partner' in by ? by.partner.partnerId : null);
    if (app.status === 'removed') throw conflict('The app is already removed.');
    const now = new Date();
    const ended = await endInstallationsOfApp(tx, appId, 'app_removed');
    // Per-user connections to the app's client (in its sandbox) end too: the app is gone.
    const grants = await tx.oAuthGrant.findMany({ where: { appId: app.oauthAppId, revokedAt: null }, select: { id: true } });
    await revokeGrantsInTx(tx, grants.map((g) => g.id), now);
    await tx.appVersion.updateMany({ where: { appId, status: { in: ['draft', 'submitted', 'in_review', 'changes_requested', 'approved'] } }, data: { status: 'rejected', decisionReason: `The app was removed: ${reason}`, decidedAt: now } });
    await tx.marketplaceApp.update({ where: { id: appId }, data: { status: 'removed', removedAt: now, featuredAt: null } });
    await refreshSearchVector(tx, appId);
    await tx.$executeRaw`UPDATE "MarketplaceApp" SET "searchVector" = NULL WHERE id = ${appId}`;
    await recordPlatformAudit(tx, { actor: auditActor(by), action: 'app.removed', target: { type: 'marketplace_app', id: appId }, reason, ip, metadata: { by: 'partner' in by ? 'partner' : 'operator', endedInstallations: ended } });
    return { partnerId: app.partnerId, ended };
  });
  await releaseEndedAppItems({ appId });
  await emailPartner(result.partnerId, { id: appId, name }, number, 'removed', reason);
  return { endedInstallations: result.ended };
}

/** The partner's sandbox workspace, where its apps' OAuth clients and images live. */
export async function partnerSandbox(partnerId: string): Promise<{ id: string; slug: string; name: string }> {
  const sandbox = await ensurePartnerSandbox(partnerId);
  return { id: sandbox.id, slug: sandbox.slug, name: sandbox.name };
}

export function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  const target = (error.meta as { target?: unknown } | undefined)?.target;
  return Array.isArray(target) ? target.includes(field) : String(target ?? error.message).includes(field);
}
