import { db } from '../db/client.ts';
import type { DomainEventPayloads } from '../events/domain-events.ts';
import { createNotifications, displayName, excerpt, goalViewers, type NewNotification } from './create.ts';

// The domain-event consumer (lib/jobs/dispatch-event.ts runs it for every event): comments and
// mentions, kudos and assignments become notifications of the people concerned, among those
// who may see what it is about. Idempotent: each notification's dedupeKey names its cause.

/** Mentions are stored as ids in a comment's Markdown; the excerpt shows them plainly. */
function plainExcerpt(body: string): string {
  return excerpt(body.replace(/@\[([^\]]*)\]\([^)]*\)/g, '@$1').replace(/[*_`>#]/g, ''));
}

async function loadGoal(tenantId: string, goalId: string) {
  return db.goal.findFirst({ where: { id: goalId, tenantId }, select: { id: true, title: true, ownerId: true, teamId: true, assignees: { select: { userId: true } } } });
}

async function onComment(tenantId: string, p: DomainEventPayloads['goal.commented']): Promise<number> {
  const goal = await loadGoal(tenantId, p.goalId);
  if (!goal) return 0;
  const mentioned = new Set(p.mentionedUserIds);
  const concerned = [goal.ownerId, ...goal.assignees.map((a) => a.userId)].filter((id) => !mentioned.has(id));
  const visible = await goalViewers(tenantId, goal, [...mentioned, ...concerned]);
  const data = { actorName: await displayName(p.authorId), title: goal.title, excerpt: plainExcerpt(p.body), goalId: goal.id, milestoneId: p.milestoneId };
  const items: NewNotification[] = [
    ...[...mentioned].filter((id) => visible.has(id)).map((userId) => ({ userId, type: 'mention' as const, actorId: p.authorId, subjectType: 'goal' as const, subjectId: goal.id, data, dedupeKey: `mention:${p.commentId}` })),
    ...[...new Set(concerned)].filter((id) => visible.has(id)).map((userId) => ({ userId, type: 'comment' as const, actorId: p.authorId, subjectType: 'goal' as const, subjectId: goal.id, data, dedupeKey: `comment:${p.commentId}` })),
  ];
  return (await createNotifications(db, tenantId, items)).created;
}

/** An edit that mentions someone new: they get the mention (once per comment, as for a new one). */
async function onCommentEdited(tenantId: string, p: DomainEventPayloads['goal.comment_updated']): Promise<number> {
  if (p.newlyMentionedUserIds.length === 0) return 0;
  const goal = await loadGoal(tenantId, p.goalId);
  if (!goal) return 0;
  const visible = await goalViewers(tenantId, goal, p.newlyMentionedUserIds);
  const data = { actorName: await displayName(p.authorId), title: goal.title, excerpt: plainExcerpt(p.body), goalId: goal.id, milestoneId: p.milestoneId };
  const items: NewNotification[] = p.newlyMentionedUserIds
    .filter((id) => visible.has(id))
    .map((userId) => ({ userId, type: 'mention' as const, actorId: p.authorId, subjectType: 'goal' as const, subjectId: goal.id, data, dedupeKey: `mention:${p.commentId}` }));
  return (await createNotifications(db, tenantId, items)).created;
}

async function onKudos(tenantId: string, p: DomainEventPayloads['kudos.given']): Promise<number> {
  const actorName = await displayName(p.giverId);
  if (p.subjectType === 'goal') {
    const goal = await loadGoal(tenantId, p.subjectId);
    if (!goal || !(await goalViewers(tenantId, goal, [p.recipientId])).has(p.recipientId)) return 0;
    const item: NewNotification = { userId: p.recipientId, type: 'kudos', actorId: p.giverId, subjectType: 'goal', subjectId: goal.id, data: { actorName, title: goal.title, goalId: goal.id }, dedupeKey: `kudos:${p.kudosId}` };
    return (await createNotifications(db, tenantId, [item])).created;
  }
  const habit = await db.habit.findFirst({ where: { id: p.subjectId, tenantId }, select: { id: true, name: true, userId: true } });
  // A habit's kudos only ever go to its owner (who sees it).
  if (!habit || habit.userId !== p.recipientId) return 0;
  const item: NewNotification = { userId: p.recipientId, type: 'kudos', actorId: p.giverId, subjectType: 'habit', subjectId: habit.id, data: { actorName, title: habit.name }, dedupeKey: `kudos:${p.kudosId}` };
  return (await createNotifications(db, tenantId, [item])).created;
}

async function onGoalUpdated(tenantId: string, eventId: string, actorId: string | null, p: DomainEventPayloads['goal.updated']): Promise<number> {
  const assignees = p.changes.assignees as { added?: { userId?: unknown } } | undefined;
  const userId = typeof assignees?.added?.userId === 'string' ? assignees.added.userId : null;
  if (!userId) return 0;
  const goal = await loadGoal(tenantId, p.goalId);
  // Still assigned (not taken back meanwhile) and able to see the goal.
  if (!goal || !goal.assignees.some((a) => a.userId === userId) || !(await goalViewers(tenantId, goal, [userId])).has(userId)) return 0;
  const item: NewNotification = { userId, type: 'assignment', actorId, subjectType: 'goal', subjectId: goal.id, data: { actorName: await displayName(actorId), title: goal.title, goalId: goal.id }, dedupeKey: `assignment:${eventId}` };
  return (await createNotifications(db, tenantId, [item])).created;
}

/**
 * What someone can no longer see takes its notifications along: a deleted goal or habit, a
 * team goal's after its member left the team (unless they still see it as an admin), all of
 * a member's who left the workspace. Answers how many went.
 */
async function forget(tenantId: string, type: string, payload: Record<string, unknown>): Promise<number> {
  const str = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
  switch (type) {
    case 'goal.deleted': {
      const goalId = str('goalId');
      return goalId ? (await db.notification.deleteMany({ where: { tenantId, subjectType: { in: ['goal', 'milestone'] }, subjectId: goalId } })).count : 0;
    }
    case 'habit.deleted': {
      const habitId = str('habitId');
      return habitId ? (await db.notification.deleteMany({ where: { tenantId, subjectType: 'habit', subjectId: habitId } })).count : 0;
    }
    case 'user.deleted': {
      const userId = str('userId');
      return userId ? (await db.notification.deleteMany({ where: { tenantId, userId } })).count : 0;
    }
    case 'team.member_removed': {
      const userId = str('userId');
      const teamId = str('teamId');
      if (!userId || !teamId) return 0;
      // A team's goals are seen alike: by its members and the admins (the owner field plays no part).
      if ((await goalViewers(tenantId, { ownerId: '', teamId }, [userId])).has(userId)) return 0;
      const goals = await db.goal.findMany({ where: { tenantId, teamId }, select: { id: true } });
      if (goals.length === 0) return 0;
      return (await db.notification.deleteMany({ where: { tenantId, userId, subjectType: 'goal', subjectId: { in: goals.map((g) => g.id) } } })).count;
    }
    default:
      return 0;
  }
}

/** Notifications for one domain event; answers how many were new (0 when the event is gone or concerns no one). */
export async function notifyForEvent(eventId: string): Promise<number> {
  const event = await db.domainEvent.findUnique({ where: { id: eventId }, select: { tenantId: true, type: true, payload: true, actorId: true } });
  if (!event) return 0;
  switch (event.type) {
    case 'goal.commented':
      return onComment(event.tenantId, event.payload as DomainEventPayloads['goal.commented']);
    case 'goal.comment_updated':
      return onCommentEdited(event.tenantId, event.payload as DomainEventPayloads['goal.comment_updated']);
    case 'kudos.given':
      return onKudos(event.tenantId, event.payload as DomainEventPayloads['kudos.given']);
    case 'goal.updated':
      return onGoalUpdated(event.tenantId, eventId, event.actorId, event.payload as DomainEventPayloads['goal.updated']);
    default:
      await forget(event.tenantId, event.type, (event.payload ?? {}) as Record<string, unknown>);
      return 0;
  }
}
