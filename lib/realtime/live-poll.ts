import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { can } from '../members/permissions.ts';
import type { LiveMessage } from './protocol.ts';
import { eventsAfter, latestSeq } from './replay.ts';
import { loadAudienceViewer } from './viewer.ts';

// The polling fallback of the live stream (GET /api/app/live/poll): the same replay as a
// reconnecting stream gets, plus two marks that stand in for the stream's 'notifications' and
// 'webhooks' messages (which are announcements, not rows to replay): when a mark differs from
// the previous poll's, the page acts as if the message had arrived.

export interface LivePoll {
  cursor: string;
  messages: LiveMessage[];
  marks: { notifications: string; webhooks?: string };
}

/** Deliveries younger than this are looked at for the webhooks mark (bounded by the tenant+createdAt index). */
const WEBHOOK_WINDOW_MS = 24 * 60 * 60 * 1000;

async function marks(tenantId: string, member: Member): Promise<LivePoll['marks']> {
  const scoped = tenantDb(tenantId);
  const [unread, latest, deliveries] = await Promise.all([
    db.notification.count({ where: { tenantId, userId: member.userId, readAt: null } }),
    db.notification.findFirst({ where: { tenantId, userId: member.userId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
    can(member.role, 'integrations.manage')
      ? scoped.webhookDelivery.aggregate({ where: { createdAt: { gte: new Date(Date.now() - WEBHOOK_WINDOW_MS) } }, _max: { updatedAt: true }, _count: true })
      : null,
  ]);
  return {
    notifications: `${unread}:${latest?.createdAt.getTime() ?? 0}`,
    ...(deliveries ? { webhooks: `${deliveries._count}:${deliveries._max.updatedAt?.getTime() ?? 0}` } : {}),
  };
}

export async function pollLive(tenantId: string, member: Member, after: bigint | null): Promise<LivePoll> {
  const mark = await marks(tenantId, member);
  if (after === null) return { cursor: await latestSeq(tenantId), messages: [], marks: mark };
  const replay = await eventsAfter(tenantId, after, await loadAudienceViewer(tenantId, member));
  return { cursor: replay.cursor, messages: replay.reset ? [{ kind: 'reset' }] : replay.events, marks: mark };
}
