import { id, partnerRoute } from '@/lib/http/route';
import { replyToReview } from '@/lib/marketplace/ratings';

/** { body } — the partner's one public reply to the review. */
export const POST = partnerRoute({ need: 'develop', params: { appId: id, reviewId: id }, body: 'json' }, async ({ actor, params, body, ip }) =>
  Response.json(await replyToReview(actor, params.appId, params.reviewId, body, ip), { status: 201 }),
);
