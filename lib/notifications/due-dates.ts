import { db } from '../db/client.ts';
import { knownZone, offsetMinutes } from '../integrations/calendar-feed/zone-time.ts';
import { daysBetween, fromDbDate, localDateIn } from '../habits/local-date.ts';
import { logger } from '../observability/logger.ts';
import { createNotifications, goalViewers, type NewNotification } from './create.ts';

// Goals due soon and overdue: an hourly job tells each active goal's owner and assignees, once
// per goal and target date (dedupeKey; a new target date arms it again), from 09:00 in the
// member's own zone: "due soon" on the day before the target date (or on the day, for a date
// set late), "overdue" the day after it (up to a week after, so that old goals do not all speak
// up at once). Only members who can see the goal hear about it.

export const DUE_NOTICE_HOUR = 9;
const OVERDUE_WINDOW_DAYS = 7;

function localHour(zone: string, now: Date): number {
  const minutes = (now.getUTCHours() * 60 + now.getUTCMinutes() + offsetMinutes(zone, now) + 24 * 60) % (24 * 60);
  return Math.floor(minutes / 60);
}

export async function runGoalDueNotifications(now: Date = new Date()): Promise<{ created: number }> {
  // Every zone's "tomorrow" and "a week ago" are within two days of UTC's.
  const from = new Date(now.getTime() - (OVERDUE_WINDOW_DAYS + 2) * 86_400_000);
  const to = new Date(now.getTime() + 3 * 86_400_000);
  const goals = await db.goal.findMany({
    where: { status: 'active', targetDate: { gte: from, lte: to } },
    select: { id: true, tenantId: true, title: true, ownerId: true, teamId: true, targetDate: true, assignees: { select: { userId: true } }, tenant: { select: { timeZone: true } } },
    take: 10_000,
  });
  let created = 0;
  for (const goal of goals) {
    try {
      const target = fromDbDate(goal.targetDate!);
      const concerned = [...new Set([goal.ownerId, ...goal.assignees.map((a) => a.userId)])];
      const [visible, memberships] = await Promise.all([
        goalViewers(goal.tenantId, goal, concerned),
        db.membership.findMany({ where: { tenantId: goal.tenantId, userId: { in: concerned } }, select: { userId: true, timeZone: true } }),
      ]);
      const items: NewNotification[] = [];
      for (const m of memberships) {
        if (!visible.has(m.userId)) continue;
        const zone = knownZone(m.timeZone ?? goal.tenant.timeZone);
        if (localHour(zone, now) < DUE_NOTICE_HOUR) continue;
        const daysLeft = daysBetween(localDateIn(zone, now), target);
        const base = { userId: m.userId, actorId: null, subjectType: 'goal' as const, subjectId: goal.id, data: { title: goal.title, goalId: goal.id, targetDate: target } };
        if (daysLeft === 0 || daysLeft === 1) items.push({ ...base, type: 'goal_due_soon', dedupeKey: `goal_due_soon:${goal.id}:${target}` });
        else if (daysLeft < 0 && daysLeft >= -OVERDUE_WINDOW_DAYS) items.push({ ...base, type: 'goal_overdue', dedupeKey: `goal_overdue:${goal.id}:${target}` });
      }
      if (items.length) created += (await createNotifications(db, goal.tenantId, items)).created;
    } catch (error) {
      logger().error({ err: error, goalId: goal.id }, 'notifications: due-date notices failed for a goal');
    }
  }
  return { created };
}
