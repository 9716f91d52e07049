import { id, partnerRoute } from '@/lib/http/route';
import { reportReviewFromPartner } from '@/lib/marketplace/ratings';

/** { reason } — reports an abusive review of the partner's app to the platform's operators. */
export const POST = partnerRoute({ need: 'view', params: { appId: id, reviewId: id }, body: 'json' }, async ({ actor, params, body }) =>
  Response.json(await reportReviewFromPartner(actor, params.appId, params.reviewId, body), { status: 201 }),
);
