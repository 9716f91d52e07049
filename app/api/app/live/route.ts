import { sessionFromRequest } from '@/lib/auth/request-session';
import { unauthorized } from '@/lib/http/problem';
import { workspaceRoute } from '@/lib/http/route';
import { openLiveStream } from '@/lib/realtime/live-stream';
import { parseSeq } from '@/lib/realtime/replay';

/**
 * Live updates for the signed-in member as Server-Sent Events (lib/realtime/protocol.ts): ids
 * and types of what changed, filtered by what they may see. Resumes after Last-Event-ID (or
 * ?after=<seq>, for a reconnect the page makes itself); a heartbeat comment every ~25 s.
 */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ req, tenant, member }) => {
  const claims = await sessionFromRequest(req, tenant);
  if (!claims) throw unauthorized();
  const after = parseSeq(req.headers.get('last-event-id')) ?? parseSeq(req.nextUrl.searchParams.get('after'));
  return openLiveStream({ tenant, member, claims, after, signal: req.signal });
});
