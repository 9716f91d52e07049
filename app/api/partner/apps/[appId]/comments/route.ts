import { id, partnerRoute } from '@/lib/http/route';
import { addPartnerComment } from '@/lib/marketplace/apps';

/** The partner's side of the review thread. */
export const POST = partnerRoute({ need: 'develop', params: { appId: id }, body: 'json' }, async ({ actor, params, body }) => Response.json({ comments: await addPartnerComment(actor, params.appId, body) }, { status: 201 }));
