import { partnerRoute } from '@/lib/http/route';
import { getPartnerProfile, updatePartnerProfile } from '@/lib/partners/partners';

export const GET = partnerRoute({ need: 'view' }, async ({ actor }) => Response.json({ partner: await getPartnerProfile(actor) }));

/** An owner edits the partner's name, website, support address and privacy policy. */
export const PATCH = partnerRoute({ need: 'owner', body: 'json' }, async ({ actor, body, ip }) => Response.json({ partner: await updatePartnerProfile(actor, body, ip) }));
