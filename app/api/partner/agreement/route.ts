import { partnerRoute } from '@/lib/http/route';
import { CURRENT_AGREEMENT } from '@/lib/partners/agreement';
import { acceptPartnerAgreement } from '@/lib/partners/partners';

export const GET = partnerRoute({ need: 'view' }, async () => Response.json({ agreement: CURRENT_AGREEMENT }));

/** An owner accepts the current version of the partner agreement (body: { version }). */
export const POST = partnerRoute({ need: 'owner', body: 'json' }, async ({ actor, body, ip }) => Response.json(await acceptPartnerAgreement(actor, body, ip)));
