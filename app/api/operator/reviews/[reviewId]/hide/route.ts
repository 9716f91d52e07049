import { id, operatorRoute } from '@/lib/http/route';
import { hideReview } from '@/lib/marketplace/ratings';

/** { reason } — Hides the review from the listing and the average; its open reports are resolved. */
export const POST = operatorRoute({ params: { reviewId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json(await hideReview(operator, params.reviewId, body, ip)),
);
