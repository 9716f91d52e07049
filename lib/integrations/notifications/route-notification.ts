import { db } from '../../db/client.ts';
import type { Prisma } from '../../db/generated/client.ts';
import { enqueueMany } from '../../jobs/queue.ts';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import type { DispatchedEvent } from '../types.ts';
import { buildNotification } from './build-notification.ts';
import type { NotificationMessage } from './notification-message.ts';

// One message → the installation's routes for its kind (every team's, or its team's) → one
// IntegrationMessage per route, keyed `<source>:<routeId>`: a repeated event (dispatched twice,
// retried) finds its rows already there and sends nothing new. Each pending row gets an
// integrations.notify job; routing again re-enqueues rows still pending (so a lost job heals)
// and the job claims a row before sending, so nothing is sent twice.

/** Queues the message for these routes (ids of the tenant's routes). Returns the pending message ids. */
export async function queueForRoutes(tenantId: string, routeIds: string[], message: NotificationMessage, sourceKey: string): Promise<string[]> {
  if (routeIds.length === 0) return [];
  const keys = routeIds.map((routeId) => `${sourceKey}:${routeId}`);
  await db.integrationMessage.createMany({
    data: routeIds.map((routeId, index) => ({ tenantId, routeId, dedupeKey: keys[index], payload: message as unknown as Prisma.InputJsonObject })),
    skipDuplicates: true,
  });
  const pending = await db.integrationMessage.findMany({ where: { tenantId, dedupeKey: { in: keys }, status: 'pending' }, select: { id: true } });
  await enqueueMany(
    'integrations.notify',
    pending.map(({ id }) => ({ payload: { messageId: id }, singletonKey: id })),
  );
  return pending.map(({ id }) => id);
}

/** Routes a message to the installation's channels for its kind. */
export async function routeNotification(input: { tenantId: string; installationId: string; message: NotificationMessage; sourceKey: string }): Promise<string[]> {
  const { tenantId, installationId, message, sourceKey } = input;
  // A private team's news goes only to channels mapped to that team, never to "every team" ones.
  const privateTeam = message.teamId ? (await db.team.findFirst({ where: { id: message.teamId, tenantId }, select: { visibility: true } }))?.visibility !== 'public' : false;
  const routes = await db.integrationChannelRoute.findMany({
    where: { tenantId, installationId, event: message.event, OR: [...(privateTeam ? [] : [{ teamId: null }]), ...(message.teamId ? [{ teamId: message.teamId }] : [])] },
    select: { id: true },
  });
  return queueForRoutes(
    tenantId,
    routes.map(({ id }) => id),
    message,
    sourceKey,
  );
}

/**
 * onEvent for channel integrations (Slack, Teams): the event's message, if it makes one, to
 * the installation's channels, keyed by the event's id.
 */
export async function notifyEvent(event: DispatchedEvent, installationId: string): Promise<string[]> {
  const tenant = await getTenantById(event.tenantId);
  if (!tenant) return [];
  const message = await buildNotification(event, tenant);
  if (!message) return [];
  return routeNotification({ tenantId: event.tenantId, installationId, message, sourceKey: event.id });
}
