import { id, operatorRoute } from '@/lib/http/route';
import { removeApp } from '@/lib/marketplace/app-lifecycle';

/** Removes the app (reason required): installers are emailed first, installations ended. */
export const POST = operatorRoute({ params: { appId: id }, body: 'json' }, async ({ operator, params, body, ip }) => Response.json(await removeApp({ operator }, params.appId, body, ip)));
