import { workspaceRoute } from '@/lib/http/route';
import { pollLive } from '@/lib/realtime/live-poll';
import { parseSeq } from '@/lib/realtime/replay';

/**
 * The live stream's fallback where EventSource cannot connect (a proxy that buffers or blocks
 * it): ?after=<seq> → { cursor, messages, marks }. Without ?after, only the cursor to start
 * from. `marks` change when the member's notifications (or, for admins, the webhook
 * deliveries) change; the page compares them between polls.
 */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ req, tenant, member }) =>
  Response.json(await pollLive(tenant.id, member, parseSeq(req.nextUrl.searchParams.get('after')))),
);
