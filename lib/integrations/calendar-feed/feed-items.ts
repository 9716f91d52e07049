import { db } from '../../db/client.ts';
import { describeSchedule } from '../../habits/habit-labels.ts';
import { fromDbDate, localDateIn, type LocalDate } from '../../habits/local-date.ts';
import { habitRecurrence, type HabitRecurrence } from './habit-reminders.ts';

// What goes into a member's feed: due dates of the active goals they own or are assigned to
// (and can still see: their personal goals, their teams' goals), those goals' open milestones
// with a due date, and reminders for their active habits.

export type FeedItem =
  | { kind: 'goal'; id: string; title: string; description: string | null; date: LocalDate; progress: number; updatedAt: Date }
  | { kind: 'milestone'; id: string; goalId: string; goalTitle: string; title: string; date: LocalDate; updatedAt: Date }
  | { kind: 'habit'; id: string; name: string; description: string | null; scheduleLabel: string; recurrence: HabitRecurrence; updatedAt: Date };

export async function feedItems(tenantId: string, userId: string, timeZone: string): Promise<FeedItem[]> {
  const goals = await db.goal.findMany({
    where: {
      tenantId,
      status: 'active',
      AND: [
        { OR: [{ ownerId: userId }, { assignees: { some: { userId } } }] },
        { OR: [{ teamId: null, ownerId: userId }, { team: { members: { some: { userId } } } }] },
        { OR: [{ targetDate: { not: null } }, { milestones: { some: { dueDate: { not: null }, completedAt: null } } }] },
      ],
    },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      title: true,
      description: true,
      targetDate: true,
      progress: true,
      updatedAt: true,
      milestones: { where: { dueDate: { not: null }, completedAt: null }, orderBy: { position: 'asc' }, select: { id: true, title: true, dueDate: true, createdAt: true } },
    },
  });
  const habits = await db.habit.findMany({
    where: { tenantId, userId, archivedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, description: true, schedule: true, scheduleDays: true, timesPerWeek: true, createdAt: true, updatedAt: true },
  });

  const items: FeedItem[] = [];
  for (const goal of goals) {
    if (goal.targetDate) items.push({ kind: 'goal', id: goal.id, title: goal.title, description: goal.description, date: fromDbDate(goal.targetDate), progress: goal.progress, updatedAt: goal.updatedAt });
    for (const milestone of goal.milestones) {
      // Milestones have no updatedAt; the goal's changes with them often enough for DTSTAMP.
      items.push({ kind: 'milestone', id: milestone.id, goalId: goal.id, goalTitle: goal.title, title: milestone.title, date: fromDbDate(milestone.dueDate!), updatedAt: goal.updatedAt });
    }
  }
  for (const habit of habits) {
    const recurrence = habitRecurrence(habit, localDateIn(timeZone, habit.createdAt));
    if (!recurrence) continue;
    items.push({ kind: 'habit', id: habit.id, name: habit.name, description: habit.description, scheduleLabel: describeSchedule(habit), recurrence, updatedAt: habit.updatedAt });
  }
  return items;
}
