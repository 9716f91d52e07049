import { id, partnerRoute } from '@/lib/http/route';
import { submitAppVersion } from '@/lib/marketplace/apps';

/** Sends the open version to review (422 naming the fields when a submission check fails). */
export const POST = partnerRoute({ need: 'develop', params: { appId: id }, body: 'optional-json' }, async ({ actor, params, body, ip }) => Response.json(await submitAppVersion(actor, params.appId, body, ip)));
