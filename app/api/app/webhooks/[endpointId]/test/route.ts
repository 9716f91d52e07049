import { id, workspaceRoute } from '@/lib/http/route';
import { readJson } from '@/lib/http/read-json';
import { sendTestEvent } from '@/lib/webhooks/deliveries';

/**
 * { eventType? } → { delivery }: the catalog's example of that type, sent as a test. The body
 * may be left out, which the builder's body specs do not express, so the handler reads it (rawBody).
 */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { endpointId: id }, rawBody: true }, async ({ req, tenant, member, params }) => {
  const body = req.headers.get('content-length') === '0' || !req.body ? {} : await readJson(req);
  return Response.json({ delivery: await sendTestEvent(tenant, member, params.endpointId, body) }, { status: 202 });
});
