import type { AppVersionStatus, MarketplaceAppStatus } from '../db/generated/enums.ts';
import type { ScopeRequest } from './app-schema.ts';
import type { AppPricing } from './pricing.ts';
import { pricingOf } from './version-pricing.ts';
import type { SubmissionCheck } from './submission-checks.ts';

// What the partner portal and the operator console show of apps and their versions (dates as
// ISO strings, images as URLs served by app/api/marketplace/assets).

/** Versions being worked on: at most one per app at a time. */
export const OPEN_STATUSES: AppVersionStatus[] = ['draft', 'submitted', 'in_review', 'changes_requested', 'approved'];
/** The partner edits a version only before it is submitted, or when the reviewer asked for changes. */
export const EDITABLE_STATUSES: AppVersionStatus[] = ['draft', 'changes_requested'];
/** A reviewer decides on these. */
export const REVIEWABLE_STATUSES: AppVersionStatus[] = ['submitted', 'in_review'];

export const STATUS_LABELS: Record<AppVersionStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
  approved: 'Approved',
  published: 'Published',
  superseded: 'Superseded',
};

export const APP_STATUS_LABELS: Record<MarketplaceAppStatus, string> = { draft: 'Not published', published: 'Published', deprecated: 'Deprecated', removed: 'Removed' };

export const assetUrl = (assetId: string) => `/api/marketplace/assets/${assetId}`;

export const versionSelect = {
  id: true,
  appId: true,
  number: true,
  status: true,
  name: true,
  tagline: true,
  description: true,
  category: true,
  logoAssetId: true,
  screenshotAssetIds: true,
  websiteUrl: true,
  docsUrl: true,
  supportUrl: true,
  privacyUrl: true,
  termsUrl: true,
  setupUrl: true,
  redirectUris: true,
  scopes: true,
  webhookEvents: true,
  webhookUrl: true,
  pricing: true,
  priceCurrency: true,
  monthlyFeeCents: true,
  per1000CallsCents: true,
  includedCalls: true,
  checks: true,
  reviewChecklist: true,
  decisionReason: true,
  submittedAt: true,
  decidedAt: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface VersionRow {
  id: string;
  appId: string;
  number: number;
  status: AppVersionStatus;
  name: string;
  tagline: string;
  description: string;
  category: string;
  logoAssetId: string | null;
  screenshotAssetIds: string[];
  websiteUrl: string | null;
  docsUrl: string | null;
  supportUrl: string | null;
  privacyUrl: string | null;
  termsUrl: string | null;
  setupUrl: string | null;
  redirectUris: string[];
  scopes: unknown;
  webhookEvents: string[];
  webhookUrl: string | null;
  pricing: string;
  priceCurrency: string;
  monthlyFeeCents: number | null;
  per1000CallsCents: number | null;
  includedCalls: number | null;
  checks: unknown;
  reviewChecklist: unknown;
  decisionReason: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentView {
  id: string;
  side: 'partner' | 'operator';
  author: string;
  body: string;
  createdAt: string;
}

export interface AppVersionView {
  id: string;
  number: number;
  status: AppVersionStatus;
  name: string;
  tagline: string;
  description: string;
  category: string;
  logoAssetId: string | null;
  logoUrl: string | null;
  screenshots: { id: string; url: string }[];
  websiteUrl: string | null;
  docsUrl: string | null;
  supportUrl: string | null;
  privacyUrl: string | null;
  termsUrl: string | null;
  setupUrl: string | null;
  redirectUris: string[];
  scopes: ScopeRequest[];
  webhookEvents: string[];
  webhookUrl: string | null;
  /** The version's price (amounts in cents). */
  price: AppPricing;
  checks: SubmissionCheck[];
  reviewChecklist: Record<string, boolean>;
  decisionReason: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  comments: CommentView[];
}

export interface VersionSummary {
  id: string;
  number: number;
  status: AppVersionStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function scopesOf(value: unknown): ScopeRequest[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as { scope?: unknown }).scope === 'string'
      ? [{ scope: (item as { scope: string }).scope, justification: String((item as { justification?: unknown }).justification ?? '') }]
      : [],
  );
}

export function checksOf(value: unknown): SubmissionCheck[] {
  return Array.isArray(value) ? (value as SubmissionCheck[]) : [];
}

export function checklistOf(value: unknown): Record<string, boolean> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, ticked]) => [key, ticked === true]));
}

export function toVersionView(row: VersionRow, comments: CommentView[] = []): AppVersionView {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    name: row.name,
    tagline: row.tagline,
    description: row.description,
    category: row.category,
    logoAssetId: row.logoAssetId,
    logoUrl: row.logoAssetId ? assetUrl(row.logoAssetId) : null,
    screenshots: row.screenshotAssetIds.map((id) => ({ id, url: assetUrl(id) })),
    websiteUrl: row.websiteUrl,
    docsUrl: row.docsUrl,
    supportUrl: row.supportUrl,
    privacyUrl: row.privacyUrl,
    termsUrl: row.termsUrl,
    setupUrl: row.setupUrl,
    redirectUris: row.redirectUris,
    scopes: scopesOf(row.scopes),
    webhookEvents: row.webhookEvents,
    webhookUrl: row.webhookUrl,
    price: pricingOf(row),
    checks: checksOf(row.checks),
    reviewChecklist: checklistOf(row.reviewChecklist),
    decisionReason: row.decisionReason,
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    comments,
  };
}

export function toVersionSummary(row: Pick<VersionRow, 'id' | 'number' | 'status' | 'submittedAt' | 'decidedAt' | 'publishedAt' | 'createdAt'>): VersionSummary {
  return { id: row.id, number: row.number, status: row.status, submittedAt: iso(row.submittedAt), decidedAt: iso(row.decidedAt), publishedAt: iso(row.publishedAt), createdAt: row.createdAt.toISOString() };
}

export const commentSelect = { id: true, side: true, body: true, createdAt: true, authorId: true } as const;

/**
 * Comments in order. The partner sees the reviewer as "Waypoint review"; the operator sees who
 * wrote each one.
 */
export function toCommentViews(
  rows: { id: string; side: string; body: string; createdAt: Date; authorId: string | null }[],
  authors: Map<string, { email: string; name: string | null }>,
  viewer: 'partner' | 'operator',
): CommentView[] {
  return rows.map((row) => {
    const author = row.authorId ? authors.get(row.authorId) : undefined;
    const side = row.side === 'operator' ? 'operator' : 'partner';
    const name = side === 'operator' && viewer === 'partner' ? 'Waypoint review' : (author?.name ?? author?.email ?? (side === 'operator' ? 'Waypoint review' : 'Partner'));
    return { id: row.id, side, author: name, body: row.body, createdAt: row.createdAt.toISOString() };
  });
}
