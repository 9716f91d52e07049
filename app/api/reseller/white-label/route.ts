import { readJson } from '@/lib/http/read-json';
import { withErrors } from '@/lib/http/wrappers';
import { getWhiteLabelSettings, setWhiteLabel } from '@/lib/resellers/resellers';
import { withReseller } from '@/lib/resellers/with-reseller';

export const GET = withErrors(withReseller('view', async (_req, { actor }) => Response.json(await getWhiteLabelSettings(actor))));

export const PUT = withErrors(withReseller('owner', async (req, { actor }) => Response.json(await setWhiteLabel(actor, await readJson(req)))));
