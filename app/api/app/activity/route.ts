import { activityQuerySchema, type ActivityQuery, type ActivityScope } from '@/lib/activity/activity-schema';
import { activityFeed } from '@/lib/activity/feed';
import { workspaceRoute } from '@/lib/http/route';

function scopeOf(query: ActivityQuery): ActivityScope {
  if (query.teamId) return { kind: 'team', teamId: query.teamId };
  if (query.goalId) return { kind: 'goal', goalId: query.goalId };
  if (query.userId) return { kind: 'member', userId: query.userId };
  return { kind: 'workspace' };
}

/**
 * One page of an activity feed, newest first: the workspace's, or with ?teamId, ?goalId or
 * ?userId a team's, a goal's or a member's (a hidden one: 404). ?type filters
 * (goals | habits | teams | comments | celebrations), ?cursor is a previous page's nextCursor.
 */
export const GET = workspaceRoute({ permission: 'workspace.read', query: activityQuerySchema }, async ({ tenant, member, query }) =>
  Response.json(await activityFeed(tenant, member, scopeOf(query), query)),
);
