import { z } from 'zod';
import { db } from '../db/client.ts';
import type { AppVersionStatus, MarketplaceAppStatus } from '../db/generated/enums.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { commentSchema, optionalReasonSchema, reasonSchema } from './app-schema.ts';
import { emailPartner, type AppEmailEvent } from './app-emails.ts';
import { commentsOf, lockApp } from './app-lifecycle.ts';
import { REVIEWABLE_STATUSES, assetUrl, toVersionSummary, toVersionView, versionSelect, type AppVersionView, type CommentView, type VersionSummary } from './app-views.ts';
import { describePricing } from './pricing.ts';
import { refreshSearchVector } from './search-index.ts';

// The platform operator's review of app versions: the queue (by status and age), one
// version's review (the automated checks' results, a checklist, the thread with the partner,
// what changed since the live version), and the decisions: request changes or reject (with a
// reason, emailed), approve (every checklist item ticked). Approval does not publish: the
// partner publishes an approved version when it is ready (README: "Partners and the marketplace").

export const REVIEW_CHECKLIST = [
  { id: 'listing', label: 'Name, tagline, description and screenshots are accurate and appropriate' },
  { id: 'scopes', label: 'Each requested scope is needed for what the app does, and its justification says why' },
  { id: 'redirects', label: "Redirect URIs and the setup URL belong to the partner's own domains" },
  { id: 'privacy', label: 'Privacy policy and terms are reachable and cover the data the app reads' },
  { id: 'install', label: "Installed and tried in the partner's sandbox workspace" },
] as const;

export type ChecklistItemId = (typeof REVIEW_CHECKLIST)[number]['id'];

export interface ReviewQueueItem {
  versionId: string;
  appId: string;
  appSlug: string;
  name: string;
  partner: { id: string; name: string };
  number: number;
  status: AppVersionStatus;
  /** A new version of an app that is already live. */
  isUpdate: boolean;
  submittedAt: string | null;
  ageDays: number;
  failedChecks: number;
}

export const QUEUE_STATUSES = ['open', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected'] as const;

export const queueQuerySchema = z
  .object({
    status: z.enum(QUEUE_STATUSES, { message: `Status is one of ${QUEUE_STATUSES.join(', ')}.` }).default('open'),
    /** Waiting at least this many days since submission. */
    minAgeDays: z.coerce.number({ message: 'Enter a number of days.' }).int('Enter whole days.').min(0, 'Enter 0 or more days.').max(365, 'Use at most 365 days.').default(0),
  })
  .strict();

const DAY = 86_400_000;

/** Versions waiting for the operator (open: submitted or in review), oldest submission first. */
export async function listReviewQueue(operator: OperatorActor, input: unknown = {}, now = new Date()): Promise<ReviewQueueItem[]> {
  void operator;
  const { status, minAgeDays } = parseInput(queueQuerySchema, input ?? {});
  const statuses: AppVersionStatus[] = status === 'open' ? REVIEWABLE_STATUSES : [status];
  const rows = await db.appVersion.findMany({
    where: { status: { in: statuses }, ...(minAgeDays > 0 ? { submittedAt: { lte: new Date(now.getTime() - minAgeDays * DAY) } } : {}) },
    orderBy: [{ submittedAt: 'asc' }, { createdAt: 'asc' }],
    take: 200,
    select: { id: true, number: true, status: true, name: true, submittedAt: true, checks: true, app: { select: { id: true, slug: true, liveVersionId: true, partner: { select: { id: true, name: true } } } } },
  });
  return rows.map((row) => ({
    versionId: row.id,
    appId: row.app.id,
    appSlug: row.app.slug,
    name: row.name,
    partner: row.app.partner,
    number: row.number,
    status: row.status,
    isUpdate: row.app.liveVersionId !== null && row.app.liveVersionId !== row.id,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    ageDays: row.submittedAt ? Math.floor((now.getTime() - row.submittedAt.getTime()) / DAY) : 0,
    failedChecks: Array.isArray(row.checks) ? row.checks.filter((check) => (check as { ok?: boolean }).ok === false).length : 0,
  }));
}

export interface VersionChanges {
  scopesAdded: string[];
  scopesRemoved: string[];
  redirectUrisAdded: string[];
  redirectUrisRemoved: string[];
  webhookEventsAdded: string[];
  /** The price, when the version changes it: "old → new" in describePricing's words. */
  priceChange: { from: string; to: string } | null;
}

export interface OperatorAppView {
  id: string;
  slug: string;
  status: MarketplaceAppStatus;
  featured: boolean;
  partner: { id: string; name: string; status: string; supportEmail: string | null };
  sandbox: { slug: string } | null;
  installs: number;
  versions: VersionSummary[];
  liveVersion: AppVersionView | null;
  /** The version a decision is taken on: the one asked for, else the open one, else the live one. */
  reviewVersion: AppVersionView | null;
  changes: VersionChanges | null;
  checklist: { id: string; label: string; ticked: boolean }[];
  logoUrl: string | null;
}

const minus = (a: string[], b: string[]) => a.filter((item) => !b.includes(item));

/** One app as the reviewer sees it, with the version under review and what it changes. */
export async function getAppForReview(operator: OperatorActor, appId: string, versionId?: string | null): Promise<OperatorAppView> {
  void operator;
  const app = await db.marketplaceApp.findUnique({
    where: { id: appId },
    select: {
      id: true,
      slug: true,
      status: true,
      featuredAt: true,
      liveVersionId: true,
      partner: { select: { id: true, name: true, status: true, supportEmail: true } },
      oauthApp: { select: { tenant: { select: { slug: true } } } },
      _count: { select: { installations: { where: { uninstalledAt: null } } } },
    },
  });
  if (!app) throw notFound('No such app.');
  const versions = await db.appVersion.findMany({ where: { appId }, orderBy: { number: 'desc' }, select: versionSelect });
  const chosen =
    (versionId ? versions.find((v) => v.id === versionId) : undefined) ??
    versions.find((v) => ['submitted', 'in_review', 'changes_requested', 'approved', 'draft'].includes(v.status)) ??
    versions.find((v) => v.id === app.liveVersionId) ??
    versions[0];
  if (versionId && chosen?.id !== versionId) throw notFound('No such version.');
  const live = versions.find((v) => v.id === app.liveVersionId) ?? null;
  const comments = await commentsOf([chosen?.id, live?.id].filter((id): id is string => Boolean(id)), 'operator');
  const review = chosen ? toVersionView(chosen, comments.get(chosen.id)) : null;
  const liveView = live ? toVersionView(live, comments.get(live.id)) : null;
  const changes =
    review && liveView && review.id !== liveView.id
      ? {
          scopesAdded: minus(review.scopes.map((s) => s.scope), liveView.scopes.map((s) => s.scope)),
          scopesRemoved: minus(liveView.scopes.map((s) => s.scope), review.scopes.map((s) => s.scope)),
          redirectUrisAdded: minus(review.redirectUris, liveView.redirectUris),
          redirectUrisRemoved: minus(liveView.redirectUris, review.redirectUris),
          webhookEventsAdded: minus(review.webhookEvents, liveView.webhookEvents),
          priceChange: describePricing(review.price) === describePricing(liveView.price) ? null : { from: describePricing(liveView.price), to: describePricing(review.price) },
        }
      : null;
  const shown = liveView ?? review;
  return {
    id: app.id,
    slug: app.slug,
    status: app.status,
    featured: app.featuredAt !== null,
    partner: app.partner,
    sandbox: app.oauthApp.tenant,
    installs: app._count.installations,
    versions: versions.map(toVersionSummary),
    liveVersion: liveView,
    reviewVersion: review,
    changes,
    checklist: REVIEW_CHECKLIST.map((item) => ({ id: item.id, label: item.label, ticked: review?.reviewChecklist[item.id] === true })),
    logoUrl: shown?.logoAssetId ? assetUrl(shown.logoAssetId) : null,
  };
}

export interface OperatorAppListItem {
  id: string;
  slug: string;
  name: string;
  status: MarketplaceAppStatus;
  partnerName: string;
  featured: boolean;
  liveNumber: number | null;
  installs: number;
  publishedAt: string | null;
  /** Since when the app has an open health flag; null when healthy. */
  healthFlaggedAt: string | null;
}

export const appListQuerySchema = z
  .object({
    status: z.enum(['all', 'draft', 'published', 'deprecated', 'removed'], { message: 'Choose a status.' }).default('all'),
    /** 'true': only apps with an open health flag (lib/partners/app-health.ts). */
    flagged: z.enum(['true', 'false'], { message: 'flagged is true or false.' }).optional(),
  })
  .strict();

/** Every app, for the operator's apps tab (featured toggle, deprecate, remove). */
export async function listAppsForOperator(operator: OperatorActor, input: unknown = {}): Promise<OperatorAppListItem[]> {
  void operator;
  const { status, flagged } = parseInput(appListQuerySchema, input ?? {});
  const rows = await db.marketplaceApp.findMany({
    where: { ...(status === 'all' ? {} : { status }), ...(flagged === 'true' ? { healthFlaggedAt: { not: null } } : {}) },
    orderBy: [{ featuredAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      slug: true,
      status: true,
      featuredAt: true,
      publishedAt: true,
      healthFlaggedAt: true,
      partner: { select: { name: true } },
      liveVersion: { select: { number: true, name: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } },
      _count: { select: { installations: { where: { uninstalledAt: null } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.liveVersion?.name ?? row.versions[0]?.name ?? row.slug,
    status: row.status,
    partnerName: row.partner.name,
    featured: row.featuredAt !== null,
    liveNumber: row.liveVersion?.number ?? null,
    installs: row._count.installations,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    healthFlaggedAt: row.healthFlaggedAt?.toISOString() ?? null,
  }));
}

async function findVersion(versionId: string) {
  const version = await db.appVersion.findUnique({ where: { id: versionId }, select: { id: true, appId: true, number: true, name: true, status: true, app: { select: { partnerId: true } } } });
  if (!version) throw notFound('No such version.');
  return version;
}

const actorOf = (operator: OperatorActor) => ({ id: operator.userId, email: operator.email });

/**
 * One transition of a version by the reviewer, from one of `from`, inside a transaction that
 * locks the app; audited and emailed to the partner.
 */
async function transition(
  operator: OperatorActor,
  versionId: string,
  options: { from: AppVersionStatus[]; to: AppVersionStatus; action: string; event: AppEmailEvent; reason: string | null; comment?: boolean; ip: string | null; guard?: (checklist: unknown) => void },
): Promise<void> {
  const peek = await findVersion(versionId);
  await db.$transaction(async (tx) => {
    await lockApp(tx, peek.appId, null);
    const version = await tx.appVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true, reviewChecklist: true } });
    if (!options.from.includes(version.status)) throw conflict(`Version ${peek.number} is ${version.status.replace('_', ' ')}: it cannot be ${options.to.replace('_', ' ')} now.`);
    options.guard?.(version.reviewChecklist);
    const decided = options.to !== 'in_review';
    await tx.appVersion.update({
      where: { id: versionId },
      data: { status: options.to, ...(decided ? { decisionReason: options.reason, decidedAt: new Date(), decidedById: operator.userId } : {}) },
    });
    if (options.comment && options.reason) await tx.appReviewComment.create({ data: { versionId, authorId: operator.userId, side: 'operator', body: options.reason } });
    await recordPlatformAudit(tx, { actor: actorOf(operator), action: options.action, target: { type: 'app_version', id: versionId }, reason: options.reason, ip: options.ip, metadata: { appId: peek.appId, number: peek.number, from: version.status } });
  });
  await emailPartner(peek.app.partnerId, { id: peek.appId, name: peek.name }, peek.number, options.event, options.reason);
}

/** The reviewer picks a submitted version up. */
export async function startReview(operator: OperatorActor, versionId: string, ip: string | null = null): Promise<void> {
  await transition(operator, versionId, { from: ['submitted'], to: 'in_review', action: 'app_version.review_started', event: 'in_review', reason: null, ip });
}

/** Back to the partner with what to change (the reason opens the thread's next turn). */
export async function requestChanges(operator: OperatorActor, versionId: string, input: unknown, ip: string | null = null): Promise<void> {
  const { reason } = parseInput(reasonSchema, input);
  await transition(operator, versionId, { from: REVIEWABLE_STATUSES, to: 'changes_requested', action: 'app_version.changes_requested', event: 'changes_requested', reason, comment: true, ip });
}

export async function rejectVersion(operator: OperatorActor, versionId: string, input: unknown, ip: string | null = null): Promise<void> {
  const { reason } = parseInput(reasonSchema, input);
  await transition(operator, versionId, { from: REVIEWABLE_STATUSES, to: 'rejected', action: 'app_version.rejected', event: 'rejected', reason, comment: true, ip });
}

/** Approves a version once every checklist item is ticked; the partner then publishes it. */
export async function approveVersion(operator: OperatorActor, versionId: string, input: unknown = {}, ip: string | null = null): Promise<void> {
  const { reason } = parseInput(optionalReasonSchema, input ?? {});
  await transition(operator, versionId, {
    from: REVIEWABLE_STATUSES,
    to: 'approved',
    action: 'app_version.approved',
    event: 'approved',
    reason: reason ?? null,
    comment: true,
    ip,
    guard: (checklist) => {
      const ticked = (checklist ?? {}) as Record<string, unknown>;
      const missing = REVIEW_CHECKLIST.filter((item) => ticked[item.id] !== true);
      if (missing.length) throw validationFailed({ checklist: `Tick every checklist item before approving: ${missing.map((item) => item.label.toLowerCase()).join('; ')}.` }, 'The review checklist is not complete.');
    },
  });
}

const checklistSchema = z
  .object({ items: z.record(z.enum(REVIEW_CHECKLIST.map((item) => item.id) as [ChecklistItemId, ...ChecklistItemId[]], { message: 'Unknown checklist item.' }), z.boolean({ message: 'Tick or untick.' })) })
  .strict();

/** Ticks (or unticks) checklist items of a version under review; a submitted version moves to in review. */
export async function updateChecklist(operator: OperatorActor, versionId: string, input: unknown, ip: string | null = null): Promise<Record<string, boolean>> {
  const { items } = parseInput(checklistSchema, input);
  const peek = await findVersion(versionId);
  const { checklist, started } = await db.$transaction(async (tx) => {
    await lockApp(tx, peek.appId, null);
    const version = await tx.appVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true, reviewChecklist: true } });
    if (!REVIEWABLE_STATUSES.includes(version.status)) throw conflict('Only a version waiting for review has a checklist to tick.');
    const checklist = { ...((version.reviewChecklist ?? {}) as Record<string, boolean>), ...items };
    await tx.appVersion.update({ where: { id: versionId }, data: { reviewChecklist: checklist, ...(version.status === 'submitted' ? { status: 'in_review' } : {}) } });
    if (version.status === 'submitted') await recordPlatformAudit(tx, { actor: actorOf(operator), action: 'app_version.review_started', target: { type: 'app_version', id: versionId }, ip, metadata: { appId: peek.appId, number: peek.number } });
    return { checklist, started: version.status === 'submitted' };
  });
  if (started) await emailPartner(peek.app.partnerId, { id: peek.appId, name: peek.name }, peek.number, 'in_review');
  return checklist;
}

/** The reviewer's side of the thread on one version; the partner is emailed. */
export async function addOperatorComment(operator: OperatorActor, versionId: string, input: unknown): Promise<CommentView[]> {
  const { body } = parseInput(commentSchema, input);
  const version = await findVersion(versionId);
  await db.appReviewComment.create({ data: { versionId, authorId: operator.userId, side: 'operator', body } });
  await emailPartner(version.app.partnerId, { id: version.appId, name: version.name }, version.number, 'commented', body);
  return (await commentsOf([versionId], 'operator')).get(versionId) ?? [];
}

/** Puts a published app in (or takes it out of) the marketplace's Featured row. */
export async function setFeatured(operator: OperatorActor, appId: string, input: unknown, ip: string | null = null): Promise<{ featured: boolean }> {
  const { featured } = parseInput(z.object({ featured: z.boolean({ message: 'Say true or false.' }) }).strict(), input);
  await db.$transaction(async (tx) => {
    const app = await lockApp(tx, appId, null);
    if (featured && app.status !== 'published') throw conflict('Only a published app can be featured.');
    await tx.marketplaceApp.update({ where: { id: appId }, data: { featuredAt: featured ? new Date() : null } });
    await refreshSearchVector(tx, appId);
    await recordPlatformAudit(tx, { actor: actorOf(operator), action: featured ? 'app.featured' : 'app.unfeatured', target: { type: 'marketplace_app', id: appId }, ip });
  });
  return { featured };
}

