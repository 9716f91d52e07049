import type { ServerResponse } from 'node:http';
import { SESSION_CHANNEL } from '../auth/session-cache.ts';
import type { SessionClaims } from '../auth/request-session.ts';
import { memberForSession, type Member } from '../auth/session.ts';
import { sessionIsActive } from '../auth/user-sessions.ts';
import { onNotify } from '../db/notify-listener.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { logger } from '../observability/logger.ts';
import { isDraining, onDrainStart } from '../server/lifecycle.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { encodeFrame, LiveHub } from './hub.ts';
import { eventsAfter, latestSeq } from './replay.ts';
import { SseStream } from './sse-stream.ts';
import { loadAudienceViewer } from './viewer.ts';

// GET /api/app/live: the instance's hub (one per process, on globalThis: the server and each
// of Next's bundles load lib/ apart) fed by the one LISTEN connection, and one stream per
// browser tab. A stream opens with a `hello` event naming the seq it starts after (the
// browser's cursor until an event arrives), replays what a reconnecting browser missed
// (Last-Event-ID), then carries the hub's frames. It ends when the browser goes, when the
// member's session ends or they are removed, when they cannot keep up, and when the server
// stops (clients reconnect to another instance).

export const LIVE_CHANNEL = 'waypoint_live';
/** How often the hub looks for heartbeats and re-checks that are due. */
const TICK_MS = 5_000;
/** Tells EventSource to reconnect after this long (it adds its own jitter). */
const RETRY_MS = 3_000;

const holder = globalThis as unknown as { __waypointLiveHub?: LiveHub };

export function liveHub(): LiveHub {
  if (holder.__waypointLiveHub) return holder.__waypointLiveHub;
  const hub = new LiveHub({
    loadTeamMembers: (tenantId) => tenantDb(tenantId).teamMember.findMany({ select: { teamId: true, userId: true } }),
  });
  holder.__waypointLiveHub = hub;
  const receive = (payload?: string) => hub.receive(payload);
  // Streams are served by the server itself (lib/realtime/live-http.ts), outside Next's bundles.
  onNotify(LIVE_CHANNEL, receive, { outsideNext: true });
  onNotify(SESSION_CHANNEL, (payload?: string) => hub.sessionsEnded(payload), { outsideNext: true });
  setInterval(() => hub.tick(), TICK_MS).unref();
  onDrainStart('live streams', () => hub.closeAll('server stopping'));
  return hub;
}

const encoder = new TextEncoder();

export interface OpenStream {
  tenant: TenantContext;
  member: Member;
  claims: SessionClaims;
  /** The seq the browser has (Last-Event-ID / ?after=), or null for a new stream. */
  after: bigint | null;
  /** The response it is written to; its 'close' (the browser went) ends the stream. */
  res: ServerResponse;
}

/** The session still stands and the person is still a member: their role now. */
async function recheck(tenantId: string, claims: SessionClaims): Promise<{ role: Member['role'] } | null> {
  if (!(await sessionIsActive(claims.sessionId, { userId: claims.userId, tenantId }))) return null;
  const tenant = await getTenantById(tenantId);
  if (!tenant) return null;
  const member = await memberForSession(tenant, claims);
  return member ? { role: member.role } : null;
}

/** Answers with the stream of an admitted member (lib/realtime/live-http.ts admits). */
export async function openLiveStream({ tenant, member, claims, after, res }: OpenStream): Promise<void> {
  if (isDraining()) {
    res.writeHead(503, { 'retry-after': '1', 'cache-control': 'no-store', 'content-length': 0 });
    res.end();
    return;
  }
  const hub = liveHub();
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    // no-transform: compression would buffer the stream.
    'cache-control': 'private, no-cache, no-transform',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  const stream = new SseStream({ tenantId: tenant.id, userId: member.userId, sessionId: claims.sessionId, role: member.role, recheck: () => recheck(tenant.id, claims) }, res);
  const remove = await hub.add(stream);
  const gone = () => stream.end('aborted');
  stream.onEnd = () => {
    remove();
    res.off('close', gone);
  };
  res.once('close', gone);
  if (res.destroyed) stream.end('aborted');
  // The hub holds its frames for this stream until the opening and the replay are written.
  try {
    const start = after === null ? await latestSeq(tenant.id) : after.toString();
    stream.write(encoder.encode(`retry: ${RETRY_MS}\nevent: hello\nid: ${start}\ndata: ${JSON.stringify({ cursor: start })}\n\n`));
    if (after === null) {
      stream.release([]);
      return;
    }
    const replay = await eventsAfter(tenant.id, after, await loadAudienceViewer(tenant.id, member));
    if (replay.reset) {
      stream.write(encodeFrame({ kind: 'reset' }, replay.cursor));
      stream.release([]);
      return;
    }
    if (!stream.release(replay.events.map((event) => ({ frame: encodeFrame(event, event.seq), eventId: event.id })))) stream.end('slow');
  } catch (error) {
    logger().warn({ err: error, tenantId: tenant.id }, 'live: opening a stream failed');
    stream.end('failed');
  }
}
