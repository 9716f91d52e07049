import { id, operatorRoute } from '@/lib/http/route';
import { unhideReview } from '@/lib/marketplace/ratings';

/** { reason } — Shows a hidden review again. */
export const POST = operatorRoute({ params: { reviewId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json(await unhideReview(operator, params.reviewId, body, ip)),
);
