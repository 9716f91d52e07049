import { activityPageSchema, kudosStateSchema, type ActivityFilter, type ActivityPage, type ActivityScope, type KudosState } from '@/lib/activity/activity-schema';
import { api } from '@/lib/http/api-client';

// The browser's calls to the activity routes, parsed with the schemas the server builds from.

export type FeedFilter = ActivityFilter | 'all';

export function scopeKey(scope: ActivityScope): string {
  switch (scope.kind) {
    case 'workspace':
      return 'workspace';
    case 'team':
      return `team:${scope.teamId}`;
    case 'goal':
      return `goal:${scope.goalId}`;
    case 'member':
      return `member:${scope.userId}`;
  }
}

export const activityKeys = {
  all: ['activity'] as const,
  scope: (scope: ActivityScope) => ['activity', scopeKey(scope)] as const,
  feed: (scope: ActivityScope, filter: FeedFilter) => ['activity', scopeKey(scope), filter] as const,
};

export async function fetchActivity(scope: ActivityScope, filter: FeedFilter, cursor?: string): Promise<ActivityPage> {
  const query = new URLSearchParams();
  if (scope.kind === 'team') query.set('teamId', scope.teamId);
  if (scope.kind === 'goal') query.set('goalId', scope.goalId);
  if (scope.kind === 'member') query.set('userId', scope.userId);
  if (filter !== 'all') query.set('type', filter);
  if (cursor) query.set('cursor', cursor);
  return activityPageSchema.parse(await api(`/api/app/activity?${query}`));
}

export async function setKudos(eventId: string, give: boolean): Promise<KudosState> {
  return kudosStateSchema.parse(await api(`/api/app/activity/${encodeURIComponent(eventId)}/kudos`, { method: give ? 'PUT' : 'DELETE' }));
}
