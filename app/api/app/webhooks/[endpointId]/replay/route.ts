import { id, workspaceRoute } from '@/lib/http/route';
import { replayFailedSince } from '@/lib/webhooks/deliveries';

/** { since } → { replayed }: every failed delivery of the endpoint since then, once more. */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { endpointId: id }, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await replayFailedSince(tenant, member, params.endpointId, body)),
);
