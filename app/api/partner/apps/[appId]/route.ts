import { id, partnerRoute } from '@/lib/http/route';
import { getPartnerApp } from '@/lib/marketplace/apps';

/** One of the partner's apps: its versions, the open one with its checks and review thread, the OAuth client. */
export const GET = partnerRoute({ need: 'view', params: { appId: id } }, async ({ actor, params }) => Response.json(await getPartnerApp(actor, params.appId)));
