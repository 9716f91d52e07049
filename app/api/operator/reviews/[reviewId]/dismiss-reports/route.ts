import { id, operatorRoute } from '@/lib/http/route';
import { dismissReports } from '@/lib/marketplace/ratings';

/** { reason } — Closes the review's open reports without hiding it. */
export const POST = operatorRoute({ params: { reviewId: id }, body: 'json' }, async ({ operator, params, body, ip }) =>
  Response.json(await dismissReports(operator, params.reviewId, body, ip)),
);
