import { id, workspaceRoute } from '@/lib/http/route';
import { sendTestEvent } from '@/lib/webhooks/deliveries';

/**
 * { eventType? } → { delivery }: the catalog's example of that type, sent as a test.
 */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { endpointId: id }, body: 'optional-json' }, async ({ tenant, member, params, body }) => {
  return Response.json({ delivery: await sendTestEvent(tenant, member, params.endpointId, body) }, { status: 202 });
});
