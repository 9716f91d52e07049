import { id, partnerRoute } from '@/lib/http/route';
import { revealWebhookSecret, rotateWebhookSecret } from '@/lib/marketplace/apps';

const params = { appId: id };

/** The app's webhook signing secret. */
export const GET = partnerRoute({ need: 'develop', params }, async ({ actor, params, ip }) => Response.json(await revealWebhookSecret(actor, params.appId, ip), { headers: { 'cache-control': 'no-store' } }));

/** A new signing secret; installations' endpoints sign with the old one too for 24 hours. */
export const POST = partnerRoute({ need: 'develop', params }, async ({ actor, params, ip }) => Response.json(await rotateWebhookSecret(actor, params.appId, ip)));
