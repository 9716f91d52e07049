import { id, partnerRoute } from '@/lib/http/route';
import { startNewVersion, updateAppVersion } from '@/lib/marketplace/apps';

const params = { appId: id };

/** Changes the version being edited (a draft, or one the reviewer asked changes on). */
export const PATCH = partnerRoute({ need: 'develop', params, body: 'json' }, async ({ actor, params, body }) => Response.json(await updateAppVersion(actor, params.appId, body)));

/** Starts a new version, copied from the latest; the live one keeps serving installs. */
export const POST = partnerRoute({ need: 'develop', params }, async ({ actor, params, ip }) => Response.json(await startNewVersion(actor, params.appId, ip), { status: 201 }));
