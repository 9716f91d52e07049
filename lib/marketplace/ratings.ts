import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db, type Prisma } from '../db/client.ts';
import { AppError, conflict, forbidden, notFound, parseInput } from '../http/problem.ts';
import { assertCan, can } from '../members/permissions.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { isSandboxApp, marketplaceSettings, visibleAppsWhere } from './visibility.ts';
import {
  moderationInputSchema,
  operatorReviewQuerySchema,
  partnerReviewQuerySchema,
  replyInputSchema,
  reportInputSchema,
  reviewInputSchema,
  reviewListQuerySchema,
  type OperatorReviewView,
  type PartnerReviewView,
  type RatingSummary,
  type ReviewView,
  type WorkspaceReviews,
} from './rating-schema.ts';

// Reviews and ratings of marketplace apps.
//
// - A workspace reviews an app it has installed (an active installation), once: saving again
//   replaces its stars and text. Its admins write it; every member reads the app's reviews and
//   may report one. A partner's own sandbox workspace cannot review the partner's apps.
// - The partner replies once to each review of its own apps, and may report one too.
// - The operator hides a review (with a reason; its open reports are resolved), unhides it
//   (with a reason), or dismisses its reports. Hidden reviews count in no average and show to
//   nobody but their own workspace, the partner and the operator.
// - Which apps a workspace sees follows lib/marketplace/visibility.ts, plus the ones installed there.
// - Reviews carry no workspace or person name outside the operator console: a listing says
//   "a workspace that uses the app"; the operator sees who wrote it to moderate.
//
// Every query is scoped: a workspace by its tenant id and the apps it may see, a partner by
// its partner id, so another workspace's or partner's ids answer 404.

const PAGE = 20;

type ReviewRow = {
  id: string;
  tenantId: string;
  stars: number;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  partnerReply: string | null;
  partnerRepliedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
};

const reviewSelect = {
  id: true,
  tenantId: true,
  stars: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  partnerReply: true,
  partnerRepliedAt: true,
  hiddenAt: true,
  hiddenReason: true,
} as const satisfies Prisma.AppRatingSelect;

function reviewView(row: ReviewRow, viewerTenantId: string | null): ReviewView {
  return {
    id: row.id,
    stars: row.stars,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reply: row.partnerReply && row.partnerRepliedAt ? { body: row.partnerReply, at: row.partnerRepliedAt.toISOString() } : null,
    mine: viewerTenantId !== null && row.tenantId === viewerTenantId,
    hidden: row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason } : null,
  };
}

const emptyDistribution = (): RatingSummary['distribution'] => [0, 0, 0, 0, 0];

/** Average, count and per-star counts of the visible reviews of each app (apps without any: zeros). */
export async function ratingSummaries(appIds: readonly string[]): Promise<Map<string, RatingSummary>> {
  const summaries = new Map<string, RatingSummary>(appIds.map((id) => [id, { average: null, count: 0, distribution: emptyDistribution() }]));
  if (appIds.length === 0) return summaries;
  const groups = await db.appRating.groupBy({ by: ['appId', 'stars'], where: { appId: { in: [...appIds] }, hiddenAt: null }, _count: { _all: true } });
  for (const group of groups) {
    const summary = summaries.get(group.appId);
    if (!summary || group.stars < 1 || group.stars > 5) continue;
    summary.distribution[group.stars - 1] += group._count._all;
  }
  for (const summary of summaries.values()) {
    summary.count = summary.distribution.reduce((sum, n) => sum + n, 0);
    const total = summary.distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
    summary.average = summary.count === 0 ? null : Math.round((total / summary.count) * 100) / 100;
  }
  return summaries;
}

export async function ratingSummary(appId: string): Promise<RatingSummary> {
  return (await ratingSummaries([appId])).get(appId)!;
}

// ─── The workspace side ───

interface WorkspaceApp {
  id: string;
  partnerId: string;
  name: string;
  installed: boolean;
  /** The workspace is the sandbox of the app's own partner. */
  ownSandbox: boolean;
}

/**
 * The app as a workspace may see it for reviews: one its marketplace shows (lib/marketplace/
 * visibility.ts: published apps its marketplace mode allows, its partner's own apps in a
 * sandbox), or one installed there (a deprecated app keeps working where installed). Otherwise 404.
 */
async function appForWorkspace(tenantId: string, appId: string): Promise<WorkspaceApp> {
  const settings = await marketplaceSettings(tenantId);
  const [app, installation] = await Promise.all([
    db.marketplaceApp.findUnique({ where: { id: appId }, select: { id: true, partnerId: true, status: true, liveVersion: { select: { name: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } } } }),
    db.appInstallation.findFirst({ where: { tenantId, appId, uninstalledAt: null }, select: { id: true } }),
  ]);
  if (!app || app.status === 'removed') throw notFound('No such app.');
  const discoverable = installation !== null || (await db.marketplaceApp.count({ where: { AND: [{ id: app.id }, visibleAppsWhere(settings)] } })) > 0;
  if (!discoverable) throw notFound('No such app.');
  return { id: app.id, partnerId: app.partnerId, name: app.liveVersion?.name ?? app.versions[0]?.name ?? app.id, installed: installation !== null, ownSandbox: isSandboxApp(settings, app) };
}

const mayReview = (app: WorkspaceApp) => app.installed && !app.ownSandbox;

function orderOf(sort: 'newest' | 'highest' | 'lowest'): Prisma.AppRatingOrderByWithRelationInput[] {
  if (sort === 'highest') return [{ stars: 'desc' }, { updatedAt: 'desc' }, { id: 'desc' }];
  if (sort === 'lowest') return [{ stars: 'asc' }, { updatedAt: 'desc' }, { id: 'desc' }];
  return [{ updatedAt: 'desc' }, { id: 'desc' }];
}

/** What a workspace member sees of an app's reviews: the summary, a page of visible reviews, the workspace's own. */
export async function workspaceReviews(tenant: TenantContext, member: Member, appId: string, query: unknown = {}): Promise<WorkspaceReviews> {
  const { sort, cursor } = parseInput(reviewListQuerySchema, query);
  const app = await appForWorkspace(tenant.id, appId);
  const [summary, rows, mine] = await Promise.all([
    ratingSummary(app.id),
    db.appRating.findMany({
      where: { appId: app.id, hiddenAt: null },
      orderBy: orderOf(sort),
      take: PAGE + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: reviewSelect,
    }),
    db.appRating.findUnique({ where: { appId_tenantId: { appId: app.id, tenantId: tenant.id } }, select: reviewSelect }),
  ]);
  const page = rows.slice(0, PAGE);
  return {
    summary,
    reviews: page.map((row) => reviewView(row, tenant.id)),
    nextCursor: rows.length > PAGE ? page[page.length - 1].id : null,
    mine: mine ? reviewView(mine, tenant.id) : null,
    canReview: mayReview(app),
    canWrite: mayReview(app) && can(member.role, 'integrations.manage'),
  };
}

/** Writes the workspace's review of an app it has installed; a second save replaces the first. */
export async function saveWorkspaceReview(tenant: TenantContext, member: Member, appId: string, input: unknown, ip: string | null = null): Promise<ReviewView> {
  assertCan(member.role, 'integrations.manage', "Only your workspace's admins can review apps.");
  const { stars, body } = parseInput(reviewInputSchema, input);
  const app = await appForWorkspace(tenant.id, appId);
  if (app.ownSandbox) throw forbidden("A partner's sandbox workspace cannot review the partner's own apps.");
  if (!app.installed) throw new AppError(403, 'app_not_installed', 'Only a workspace that has this app installed can review it. Install it first.');
  const row = await db.$transaction(async (tx) => {
    const before = await tx.appRating.findUnique({ where: { appId_tenantId: { appId: app.id, tenantId: tenant.id } }, select: { id: true, stars: true } });
    const saved = await tx.appRating.upsert({
      where: { appId_tenantId: { appId: app.id, tenantId: tenant.id } },
      create: { appId: app.id, tenantId: tenant.id, authorId: member.userId, stars, body },
      update: { authorId: member.userId, stars, body },
      select: reviewSelect,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: before ? 'app_review.updated' : 'app_review.created',
      target: { type: 'app_rating', id: saved.id },
      ip,
      metadata: { appId: app.id, appName: app.name, stars, ...(before ? { previousStars: before.stars } : {}) },
    });
    return saved;
  });
  return reviewView(row, tenant.id);
}

/** Withdraws the workspace's review (admins). Idempotent. */
export async function deleteWorkspaceReview(tenant: TenantContext, member: Member, appId: string, ip: string | null = null): Promise<void> {
  assertCan(member.role, 'integrations.manage', "Only your workspace's admins can withdraw its review.");
  const app = await appForWorkspace(tenant.id, appId);
  await db.$transaction(async (tx) => {
    const existing = await tx.appRating.findUnique({ where: { appId_tenantId: { appId: app.id, tenantId: tenant.id } }, select: { id: true, stars: true } });
    if (!existing) return;
    await tx.appRating.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: 'app_review.deleted',
      target: { type: 'app_rating', id: existing.id },
      ip,
      metadata: { appId: app.id, appName: app.name, stars: existing.stars },
    });
  });
}

/** One open report per person and review: a second report by the same person updates its reason. */
async function fileReport(ratingId: string, reporterId: string, reason: string): Promise<{ reported: true }> {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`app-rating-report:${ratingId}:${reporterId}`}))`;
    const open = await tx.appRatingReport.findFirst({ where: { ratingId, reporterId, resolvedAt: null }, select: { id: true } });
    if (open) await tx.appRatingReport.update({ where: { id: open.id }, data: { reason } });
    else await tx.appRatingReport.create({ data: { ratingId, reporterId, reason } });
  });
  return { reported: true };
}

/** A workspace member reports a visible review of an app the workspace may see. */
export async function reportReviewFromWorkspace(tenant: TenantContext, member: Member, reviewId: string, input: unknown): Promise<{ reported: true }> {
  const { reason } = parseInput(reportInputSchema, input);
  const rating = await db.appRating.findUnique({ where: { id: reviewId }, select: { id: true, appId: true, hiddenAt: true } });
  if (!rating || rating.hiddenAt) throw notFound('No such review.');
  await appForWorkspace(tenant.id, rating.appId).catch((error: unknown) => {
    throw error instanceof AppError && error.status === 404 ? notFound('No such review.') : error;
  });
  return fileReport(rating.id, member.userId, reason);
}

// ─── The partner side ───

async function partnerApp(actor: PartnerActor, appId: string): Promise<{ id: string; name: string }> {
  const app = await db.marketplaceApp.findFirst({
    where: { id: appId, partnerId: actor.partnerId },
    select: { id: true, liveVersion: { select: { name: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } } },
  });
  if (!app) throw notFound('No such app.');
  return { id: app.id, name: app.liveVersion?.name ?? app.versions[0]?.name ?? app.id };
}

async function partnerRating(actor: PartnerActor, appId: string, reviewId: string) {
  const app = await partnerApp(actor, appId);
  const rating = await db.appRating.findFirst({ where: { id: reviewId, appId: app.id }, select: { ...reviewSelect, authorId: true } });
  if (!rating) throw notFound('No such review.');
  return { app, rating };
}

/** The reviews of one of the partner's apps, hidden ones included (marked), with the summary. */
export async function partnerReviews(actor: PartnerActor, appId: string, query: unknown = {}): Promise<{ app: { id: string; name: string }; summary: RatingSummary; reviews: PartnerReviewView[]; nextCursor: string | null }> {
  const { filter, cursor } = parseInput(partnerReviewQuerySchema, query);
  const app = await partnerApp(actor, appId);
  const where: Prisma.AppRatingWhereInput = {
    appId: app.id,
    ...(filter === 'unreplied' ? { partnerReply: null, hiddenAt: null } : {}),
    ...(filter === 'hidden' ? { hiddenAt: { not: null } } : {}),
  };
  const [summary, rows] = await Promise.all([
    ratingSummary(app.id),
    db.appRating.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: PAGE + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { ...reviewSelect, _count: { select: { reports: { where: { resolvedAt: null } } } } },
    }),
  ]);
  const page = rows.slice(0, PAGE);
  return {
    app,
    summary,
    reviews: page.map((row) => ({ ...reviewView(row, null), openReports: row._count.reports })),
    nextCursor: rows.length > PAGE ? page[page.length - 1].id : null,
  };
}

/** The partner's one public reply to a review of its own app. */
export async function replyToReview(actor: PartnerActor, appId: string, reviewId: string, input: unknown, ip: string | null = null): Promise<PartnerReviewView> {
  const { body } = parseInput(replyInputSchema, input);
  const { app, rating } = await partnerRating(actor, appId, reviewId);
  if (rating.hiddenAt) throw conflict('This review is hidden; it cannot be replied to.');
  const saved = await db.$transaction(async (tx) => {
    // Only the first reply lands, also when two are sent at once.
    const updated = await tx.appRating.updateMany({ where: { id: rating.id, partnerReply: null }, data: { partnerReply: body, partnerRepliedAt: new Date() } });
    if (updated.count === 0) throw new AppError(409, 'review_reply_exists', 'You have already replied to this review; a review gets one reply.');
    await recordPlatformAudit(tx, {
      actor: { id: actor.userId, email: actor.email },
      action: 'app_rating.replied',
      target: { type: 'app_rating', id: rating.id },
      ip,
      metadata: { appId: app.id, partnerId: actor.partnerId },
    });
    return tx.appRating.findUniqueOrThrow({ where: { id: rating.id }, select: { ...reviewSelect, _count: { select: { reports: { where: { resolvedAt: null } } } } } });
  });
  return { ...reviewView(saved, null), openReports: saved._count.reports };
}

/** A partner reports an abusive review of its own app to the operator. */
export async function reportReviewFromPartner(actor: PartnerActor, appId: string, reviewId: string, input: unknown): Promise<{ reported: true }> {
  const { reason } = parseInput(reportInputSchema, input);
  const { rating } = await partnerRating(actor, appId, reviewId);
  if (rating.hiddenAt) throw conflict('This review is already hidden.');
  return fileReport(rating.id, actor.userId, reason);
}

// ─── The operator side ───

const operatorSelect = {
  ...reviewSelect,
  authorId: true,
  tenant: { select: { id: true, slug: true, name: true } },
  app: {
    select: {
      id: true,
      slug: true,
      partner: { select: { name: true } },
      liveVersion: { select: { name: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } },
    },
  },
  reports: { orderBy: { createdAt: 'desc' }, take: 50, select: { id: true, reason: true, createdAt: true, resolvedAt: true, reporterId: true } },
} as const satisfies Prisma.AppRatingSelect;

type OperatorRow = Prisma.AppRatingGetPayload<{ select: typeof operatorSelect }>;

async function operatorViews(rows: OperatorRow[]): Promise<OperatorReviewView[]> {
  const userIds = [...new Set(rows.flatMap((row) => [row.authorId, ...row.reports.map((r) => r.reporterId)]).filter((id): id is string => id !== null))];
  const emails = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return rows.map((row) => ({
    id: row.id,
    stars: row.stars,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reply: row.partnerReply && row.partnerRepliedAt ? { body: row.partnerReply, at: row.partnerRepliedAt.toISOString() } : null,
    hidden: row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason } : null,
    app: { id: row.app.id, slug: row.app.slug, name: row.app.liveVersion?.name ?? row.app.versions[0]?.name ?? row.app.slug, partnerName: row.app.partner.name },
    workspace: row.tenant,
    author: row.authorId ? (emails.get(row.authorId) ?? null) : null,
    reports: row.reports.map((r) => ({ id: r.id, reason: r.reason, reporter: r.reporterId ? (emails.get(r.reporterId) ?? null) : null, createdAt: r.createdAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null })),
    openReports: row.reports.filter((r) => r.resolvedAt === null).length,
  }));
}

/** The moderation queue: reviews with open reports (oldest report first), hidden ones, or all. */
export async function operatorReviews(query: unknown = {}): Promise<{ reviews: OperatorReviewView[]; nextCursor: string | null; openReports: number }> {
  const { filter, cursor } = parseInput(operatorReviewQuerySchema, query);
  const where: Prisma.AppRatingWhereInput =
    filter === 'reported' ? { reports: { some: { resolvedAt: null } } } : filter === 'hidden' ? { hiddenAt: { not: null } } : {};
  const orderBy: Prisma.AppRatingOrderByWithRelationInput[] = filter === 'hidden' ? [{ hiddenAt: 'desc' }, { id: 'desc' }] : [{ updatedAt: 'desc' }, { id: 'desc' }];
  const [rows, openReports] = await Promise.all([
    db.appRating.findMany({ where, orderBy, take: PAGE + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), select: operatorSelect }),
    db.appRatingReport.count({ where: { resolvedAt: null } }),
  ]);
  const page = rows.slice(0, PAGE);
  return { reviews: await operatorViews(page), nextCursor: rows.length > PAGE ? page[page.length - 1].id : null, openReports };
}

async function operatorRating(reviewId: string) {
  const rating = await db.appRating.findUnique({ where: { id: reviewId }, select: { id: true, appId: true, tenantId: true, hiddenAt: true } });
  if (!rating) throw notFound('No such review.');
  return rating;
}

async function operatorView(reviewId: string): Promise<OperatorReviewView> {
  const row = await db.appRating.findUniqueOrThrow({ where: { id: reviewId }, select: operatorSelect });
  return (await operatorViews([row]))[0];
}

/** Hides a review from the listing and the average; its open reports are resolved. */
export async function hideReview(operator: OperatorActor, reviewId: string, input: unknown, ip: string | null = null): Promise<OperatorReviewView> {
  const { reason } = parseInput(moderationInputSchema, input);
  const rating = await operatorRating(reviewId);
  if (rating.hiddenAt) throw conflict('This review is already hidden.');
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.appRating.update({ where: { id: rating.id }, data: { hiddenAt: now, hiddenReason: reason } });
    const resolved = await tx.appRatingReport.updateMany({ where: { ratingId: rating.id, resolvedAt: null }, data: { resolvedAt: now } });
    await recordPlatformAudit(tx, {
      actor: { id: operator.userId, email: operator.email },
      action: 'app_rating.hidden',
      target: { type: 'app_rating', id: rating.id },
      reason,
      ip,
      metadata: { appId: rating.appId, tenantId: rating.tenantId, reportsResolved: resolved.count },
    });
  });
  return operatorView(rating.id);
}

/** Shows a hidden review again. */
export async function unhideReview(operator: OperatorActor, reviewId: string, input: unknown, ip: string | null = null): Promise<OperatorReviewView> {
  const { reason } = parseInput(moderationInputSchema, input);
  const rating = await operatorRating(reviewId);
  if (!rating.hiddenAt) throw conflict('This review is not hidden.');
  await db.$transaction(async (tx) => {
    await tx.appRating.update({ where: { id: rating.id }, data: { hiddenAt: null, hiddenReason: null } });
    await recordPlatformAudit(tx, {
      actor: { id: operator.userId, email: operator.email },
      action: 'app_rating.unhidden',
      target: { type: 'app_rating', id: rating.id },
      reason,
      ip,
      metadata: { appId: rating.appId, tenantId: rating.tenantId },
    });
  });
  return operatorView(rating.id);
}

/** Closes a review's open reports without hiding it (nothing wrong with it). */
export async function dismissReports(operator: OperatorActor, reviewId: string, input: unknown, ip: string | null = null): Promise<OperatorReviewView> {
  const { reason } = parseInput(moderationInputSchema, input);
  const rating = await operatorRating(reviewId);
  await db.$transaction(async (tx) => {
    const resolved = await tx.appRatingReport.updateMany({ where: { ratingId: rating.id, resolvedAt: null }, data: { resolvedAt: new Date() } });
    if (resolved.count === 0) throw conflict('This review has no open reports.');
    await recordPlatformAudit(tx, {
      actor: { id: operator.userId, email: operator.email },
      action: 'app_rating.reports_dismissed',
      target: { type: 'app_rating', id: rating.id },
      reason,
      ip,
      metadata: { appId: rating.appId, tenantId: rating.tenantId, reportsResolved: resolved.count },
    });
  });
  return operatorView(rating.id);
}
