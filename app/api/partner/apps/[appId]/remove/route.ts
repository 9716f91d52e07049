import { id, partnerRoute } from '@/lib/http/route';
import { removeApp } from '@/lib/marketplace/app-lifecycle';

/** Removes the app for good (reason required): installers are emailed, installations ended. */
export const POST = partnerRoute({ need: 'develop', params: { appId: id }, body: 'json' }, async ({ actor, params, body, ip }) => Response.json(await removeApp({ partner: actor }, params.appId, body, ip)));
