import { id, partnerRoute } from '@/lib/http/route';
import { publishAppVersion } from '@/lib/marketplace/apps';

/** Publishes the approved version: workspaces see and install it from now on. */
export const POST = partnerRoute({ need: 'develop', params: { appId: id } }, async ({ actor, params, ip }) => Response.json(await publishAppVersion(actor, params.appId, ip)));
