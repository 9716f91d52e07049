import { resellerRoute } from '@/lib/http/route';
import { getWhiteLabelSettings, setWhiteLabel } from '@/lib/resellers/resellers';

export const GET = resellerRoute({ need: 'view' }, async ({ actor }) => Response.json(await getWhiteLabelSettings(actor)));

export const PUT = resellerRoute({ need: 'owner', body: 'json' }, async ({ actor, body }) => Response.json(await setWhiteLabel(actor, body)));
