import type { QueryKey } from '@tanstack/react-query';
import type { LiveMessage } from '@/lib/realtime/protocol';

// What a live message makes stale on the pages that already existed before live updates:
// React Query keys to invalidate (only queries on screen refetch) and whether server-rendered
// parts (the dashboard) should be refreshed. Components added with live updates listen
// themselves (useLive) for their own keys.

export interface Invalidation {
  keys: QueryKey[];
  /** Server-rendered data may show it: LiveRefresh on such pages calls router.refresh(). */
  refresh: boolean;
}

const NOTHING: Invalidation = { keys: [], refresh: false };

export function invalidationFor(message: LiveMessage): Invalidation {
  switch (message.kind) {
    case 'reset':
      return { keys: [[]], refresh: true };
    case 'notifications':
      return NOTHING;
    case 'webhooks':
      return message.endpointId
        ? { keys: [['webhooks', 'deliveries', message.endpointId], ['webhooks', 'delivery'], ['webhooks', 'endpoint', message.endpointId]], refresh: false }
        : { keys: [['webhooks']], refresh: false };
    case 'event':
      break;
  }
  const [area] = message.type.split('.');
  // Comments and kudos have their own views (they listen for themselves).
  if (message.type.startsWith('goal.comment') || area === 'kudos') return NOTHING;
  switch (area) {
    case 'goal':
      // Lists, pages, a team's goals and the goal itself all sit under ['goals'].
      return { keys: [['goals'], ['dashboard'], ['teams']], refresh: true };
    case 'habit':
      return { keys: [['habits'], ['dashboard']], refresh: true };
    case 'team':
      return { keys: [['teams'], ['goals'], ['members']], refresh: true };
    case 'user':
      return { keys: [['members'], ['invitations'], ['teams']], refresh: true };
    default:
      return NOTHING;
  }
}
