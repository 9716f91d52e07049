import { tenantDb } from '../../db/tenant-db.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import type { DispatchedEvent } from '../types.ts';
import { brandOf, displayName, linkTo, words } from './notification-context.ts';
import type { NotificationMessage } from './notification-message.ts';
import { crossedThreshold, progressChange } from './progress-thresholds.ts';

// Domain event → the neutral message, in the workspace's words. Null: the event is not news
// for a channel. Only team goals are announced: a personal goal is private to its owner and
// assignees, and a company channel is not. Streaks name the person and the streak, not the
// habit: habits are private too, the streak is the celebration.

const userSelect = { name: true, email: true } as const;

async function teamGoal(tenant: TenantContext, goalId: string) {
  const goal = await tenantDb(tenant.id).goal.findFirst({
    where: { id: goalId },
    select: { id: true, title: true, progress: true, teamId: true, targetDate: true, team: { select: { name: true } }, completedBy: { select: userSelect } },
  });
  return goal?.teamId && goal.team ? { ...goal, teamId: goal.teamId, team: goal.team } : null;
}

async function goalCompleted(tenant: TenantContext, event: DispatchedEvent): Promise<NotificationMessage | null> {
  const goal = await teamGoal(tenant, String(event.payload.goalId));
  if (!goal) return null;
  const w = words(tenant);
  const who = displayName(goal.completedBy);
  return {
    event: 'goal_completed',
    teamId: goal.teamId,
    title: `${w('goal', true)} completed: ${goal.title}`,
    text: `${who} completed the ${w('team')} ${w('goal')} “${goal.title}” (${goal.team.name}).`,
    fields: [
      { label: w('team', true), value: goal.team.name },
      { label: 'Completed by', value: who },
    ],
    items: [],
    link: { label: `Open the ${w('goal')}`, url: linkTo(tenant, `/goals/${goal.id}`) },
    brand: brandOf(tenant),
  };
}

async function teamGoalProgress(tenant: TenantContext, event: DispatchedEvent): Promise<NotificationMessage | null> {
  const change = progressChange(event.payload.changes);
  const threshold = change && crossedThreshold(change.from, change.to);
  if (!threshold) return null;
  const goal = await teamGoal(tenant, String(event.payload.goalId));
  if (!goal) return null;
  const w = words(tenant);
  const fields = [
    { label: w('team', true), value: goal.team.name },
    { label: 'Progress', value: `${change.to}%` },
  ];
  if (goal.targetDate) fields.push({ label: 'Due', value: goal.targetDate.toISOString().slice(0, 10) });
  return {
    event: 'team_goal_progress',
    teamId: goal.teamId,
    title: `${goal.title} passed ${threshold}%`,
    text: `The ${w('team')} ${w('goal')} “${goal.title}” (${goal.team.name}) is now ${change.to}% done.`,
    fields,
    items: [],
    link: { label: `Open the ${w('goal')}`, url: linkTo(tenant, `/goals/${goal.id}`) },
    brand: brandOf(tenant),
  };
}

async function habitStreak(tenant: TenantContext, event: DispatchedEvent): Promise<NotificationMessage | null> {
  const user = await tenantDb(tenant.id).membership.findFirst({ where: { userId: String(event.payload.userId) }, select: { user: { select: userSelect } } });
  if (!user) return null;
  const w = words(tenant);
  const who = displayName(user.user);
  const milestone = Number(event.payload.milestone);
  const unit = String(event.payload.unit);
  return {
    event: 'habit_streak',
    teamId: null,
    title: `${who} reached a ${milestone}-${unit.replace(/s$/, '')} streak`,
    text: `${who} kept a ${w('habit')} going for ${milestone} ${unit} in a row.`,
    fields: [{ label: 'Streak', value: `${milestone} ${unit}` }],
    items: [],
    link: { label: `Open your ${w('habits')}`, url: linkTo(tenant, '/habits') },
    brand: brandOf(tenant),
  };
}

async function memberAdded(tenant: TenantContext, event: DispatchedEvent): Promise<NotificationMessage | null> {
  const scoped = tenantDb(tenant.id);
  const teamId = String(event.payload.teamId);
  const [team, membership] = await Promise.all([
    scoped.team.findFirst({ where: { id: teamId }, select: { name: true } }),
    scoped.membership.findFirst({ where: { userId: String(event.payload.userId) }, select: { user: { select: userSelect } } }),
  ]);
  if (!team || !membership) return null;
  const w = words(tenant);
  const who = displayName(membership.user);
  return {
    event: 'team_member_added',
    teamId,
    title: `${who} joined ${team.name}`,
    text: `${who} joined the ${w('team')} ${team.name}${event.payload.role === 'lead' ? ' as its lead' : ''}.`,
    fields: [{ label: w('team', true), value: team.name }],
    items: [],
    link: { label: `Open the ${w('team')}`, url: linkTo(tenant, `/teams/${teamId}`) },
    brand: brandOf(tenant),
  };
}

/** The message a domain event makes, or null when it is not one channels hear about. */
export async function buildNotification(event: DispatchedEvent, tenant: TenantContext): Promise<NotificationMessage | null> {
  switch (event.type) {
    case 'goal.completed':
      return goalCompleted(tenant, event);
    case 'goal.updated':
      return teamGoalProgress(tenant, event);
    case 'habit.streak_milestone':
      return habitStreak(tenant, event);
    case 'team.member_added':
      return memberAdded(tenant, event);
    default:
      return null;
  }
}
