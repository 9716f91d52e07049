import { partnerRoute } from '@/lib/http/route';
import { createApp, listPartnerApps } from '@/lib/marketplace/apps';

/** The partner's apps. */
export const GET = partnerRoute({ need: 'view' }, async ({ actor }) => Response.json({ apps: await listPartnerApps(actor) }));

/** A new app: its first version (a draft), its OAuth client (the secret is in this answer only) and its webhook secret. */
export const POST = partnerRoute({ need: 'develop', body: 'json' }, async ({ actor, body, ip }) => Response.json(await createApp(actor, body, ip), { status: 201 }));
