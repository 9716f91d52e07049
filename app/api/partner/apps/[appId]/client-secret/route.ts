import { id, partnerRoute } from '@/lib/http/route';
import { rotateAppClientSecret } from '@/lib/marketplace/apps';

/** A new OAuth client secret, in this answer only; the old one stops at once. */
export const POST = partnerRoute({ need: 'develop', params: { appId: id } }, async ({ actor, params, ip }) => Response.json(await rotateAppClientSecret(actor, params.appId, ip)));
