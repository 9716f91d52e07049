import { id, partnerRoute } from '@/lib/http/route';
import { partnerReviews } from '@/lib/marketplace/ratings';

/** The reviews of one of the partner's apps (?filter=all|unreplied|hidden, ?cursor), with the rating summary. */
export const GET = partnerRoute({ need: 'view', params: { appId: id } }, async ({ actor, params, req }) =>
  Response.json(await partnerReviews(actor, params.appId, Object.fromEntries(req.nextUrl.searchParams))),
);
