import { z } from 'zod';

// Input and response shapes of the marketplace's reviews and ratings. Shared by route
// handlers, services and client components (no server imports here).

/** Text a person types: trimmed, no control characters but line breaks and tabs. */
function text(label: string, min: number, max: number) {
  return z
    .string({ message: `Enter ${label}.` })
    .trim()
    .min(Math.min(min, 1), `Enter ${label}.`)
    .min(min, `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'Remove the control characters.');
}

export const STARS = [1, 2, 3, 4, 5] as const;

export const reviewInputSchema = z.object({
  stars: z.number({ message: 'Choose from 1 to 5 stars.' }).int('Choose from 1 to 5 stars.').min(1, 'Choose from 1 to 5 stars.').max(5, 'Choose from 1 to 5 stars.'),
  /** May be blank: stars alone are a review. */
  body: z.union([text('your review', 0, 2000), z.null()]).optional().transform((value) => value ?? ''),
});
export type ReviewInput = z.input<typeof reviewInputSchema>;

export const replyInputSchema = z.object({ body: text('a reply', 1, 2000) });
export const reportInputSchema = z.object({ reason: text('what is wrong with this review', 3, 500) });
export const moderationInputSchema = z.object({ reason: text('a reason', 3, 500) });

export const REVIEW_SORTS = ['newest', 'highest', 'lowest'] as const;
export const reviewListQuerySchema = z.object({
  sort: z.enum(REVIEW_SORTS, { message: 'Choose newest, highest or lowest.' }).default('newest'),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not a valid cursor.').optional(),
});

export const PARTNER_REVIEW_FILTERS = ['all', 'unreplied', 'hidden'] as const;
export const partnerReviewQuerySchema = z.object({
  filter: z.enum(PARTNER_REVIEW_FILTERS, { message: 'Choose all, unreplied or hidden.' }).default('all'),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not a valid cursor.').optional(),
});

export const OPERATOR_REVIEW_FILTERS = ['reported', 'hidden', 'all'] as const;
export const operatorReviewQuerySchema = z.object({
  filter: z.enum(OPERATOR_REVIEW_FILTERS, { message: 'Choose reported, hidden or all.' }).default('reported'),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not a valid cursor.').optional(),
});

export interface RatingSummary {
  /** Mean of the visible reviews' stars, null without any. */
  average: number | null;
  count: number;
  /** Visible reviews per star, index 0 = 1 star. */
  distribution: [number, number, number, number, number];
}

export interface ReviewView {
  id: string;
  stars: number;
  body: string;
  createdAt: string;
  /** Later than createdAt when the workspace edited it. */
  updatedAt: string;
  reply: { body: string; at: string } | null;
  /** Written by the viewer's own workspace. */
  mine: boolean;
  /** Only the review's own workspace (and the partner, the operator) see a hidden review. */
  hidden: { at: string; reason: string | null } | null;
}

export interface WorkspaceReviews {
  summary: RatingSummary;
  reviews: ReviewView[];
  nextCursor: string | null;
  /** The workspace's own review (also when hidden), or null. */
  mine: ReviewView | null;
  /** The workspace has the app installed, so its admins may review it. */
  canReview: boolean;
  /** The viewer may write the workspace's review (an admin). */
  canWrite: boolean;
}

export interface PartnerReviewView extends ReviewView {
  openReports: number;
}

export interface OperatorReviewView {
  id: string;
  stars: number;
  body: string;
  createdAt: string;
  updatedAt: string;
  reply: { body: string; at: string } | null;
  hidden: { at: string; reason: string | null } | null;
  app: { id: string; slug: string; name: string; partnerName: string };
  workspace: { id: string; slug: string; name: string };
  author: string | null;
  reports: { id: string; reason: string; reporter: string | null; createdAt: string; resolvedAt: string | null }[];
  openReports: number;
}
