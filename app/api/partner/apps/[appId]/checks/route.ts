import { id, partnerRoute } from '@/lib/http/route';
import { runAppChecks } from '@/lib/marketplace/apps';

/** Runs the submission checks on the open version (kept on it) and answers their results. */
export const POST = partnerRoute({ need: 'develop', params: { appId: id } }, async ({ actor, params }) => Response.json({ checks: await runAppChecks(actor, params.appId) }));
