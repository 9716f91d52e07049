import type { Prisma } from '../db/generated/client.ts';
import { db } from '../db/client.ts';
import { newEventId, type DomainEventPayloads, type DomainEventType } from '../events/domain-events.ts';
import { audienceColumns, goalAudience, habitAudience, type Audience } from '../realtime/audience.ts';
import { demoEmail } from './demo-data.ts';

// Demo goals, habits and teams, so a fresh workspace has something to look at. Written once
// per workspace (skipped when it has any goal), straight to the tables: these are fixtures,
// not user actions. Their history is written as domain events already published (so feeds and
// leaderboards have a past, but no webhook or integration hears of it), with a comment, kudos
// and the member's notifications of them.

const DAY = 86_400_000;

function daysAgo(days: number, now = new Date()): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(date.getTime() - days * DAY);
}

export async function seedWorkspaceContent(slug: string): Promise<number> {
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!tenant || (await db.goal.count({ where: { tenantId: tenant.id } })) > 0) return 0;
  const users = Object.fromEntries(
    await Promise.all(
      (['owner', 'admin', 'member', 'viewer'] as const).map(async (role) => [role, (await db.user.findUniqueOrThrow({ where: { email: demoEmail(role, slug) }, select: { id: true } })).id] as const),
    ),
  ) as Record<'owner' | 'admin' | 'member' | 'viewer', string>;
  const tenantId = tenant.id;

  const coaches = await db.team.create({ data: { tenantId, name: 'Coaches', description: 'Everyone who runs sessions.', visibility: 'public' } });
  await db.teamMember.createMany({
    data: [
      { tenantId, teamId: coaches.id, userId: users.owner, role: 'lead' },
      { tenantId, teamId: coaches.id, userId: users.member, role: 'member' },
      { tenantId, teamId: coaches.id, userId: users.viewer, role: 'member' },
    ],
  });
  const leadership = await db.team.create({ data: { tenantId, name: 'Leadership', description: 'Planning and budgets.', visibility: 'public', joinApprovalRequired: true } });
  await db.teamMember.createMany({ data: [{ tenantId, teamId: leadership.id, userId: users.admin, role: 'lead' }] });

  const teamGoal = await db.goal.create({
    data: { tenantId, ownerId: users.owner, teamId: coaches.id, title: 'Launch the spring program', description: 'Six new group sessions by the end of the quarter.', progress: 60, targetDate: daysAgo(-45), createdAt: daysAgo(40) },
  });
  await db.goalAssignee.createMany({
    data: [
      { tenantId, goalId: teamGoal.id, userId: users.owner, role: 'lead' },
      { tenantId, goalId: teamGoal.id, userId: users.member, role: 'contributor' },
    ],
  });
  await db.goalProgressEntry.createMany({
    data: [
      { tenantId, goalId: teamGoal.id, userId: users.owner, delta: 35, note: 'Venue and schedule booked', createdAt: daysAgo(20) },
      { tenantId, goalId: teamGoal.id, userId: users.member, delta: 25, note: 'Two sessions designed', createdAt: daysAgo(6) },
    ],
  });
  await db.milestone.createMany({
    data: [
      { tenantId, goalId: teamGoal.id, title: 'Book the venue', position: 0, completedAt: daysAgo(18) },
      // Due in three days: the team's insights (lib/insights) have something to say on a fresh clone.
      { tenantId, goalId: teamGoal.id, title: 'Design the sessions', position: 1, dueDate: daysAgo(-3) },
      { tenantId, goalId: teamGoal.id, title: 'Open registrations', position: 2 },
    ],
  });

  const personal = await db.goal.create({ data: { tenantId, ownerId: users.member, title: 'Run a half marathon', progress: 40, targetDate: daysAgo(-90), createdAt: daysAgo(30) } });
  await db.goalProgressEntry.create({ data: { tenantId, goalId: personal.id, userId: users.member, delta: 40, createdAt: daysAgo(10) } });
  await db.milestone.createMany({
    data: [
      { tenantId, goalId: personal.id, title: 'Run 10 km', position: 0, completedAt: daysAgo(12) },
      { tenantId, goalId: personal.id, title: 'Run 15 km', position: 1, dueDate: daysAgo(-2) },
    ],
  });
  const done = await db.goal.create({
    data: { tenantId, ownerId: users.member, title: 'Finish the first-aid course', status: 'completed', progress: 100, completedAt: daysAgo(24), completedById: users.member, createdAt: daysAgo(25) },
  });
  await db.goalProgressEntry.create({ data: { tenantId, goalId: done.id, userId: users.member, delta: 100, createdAt: daysAgo(24) } });

  const run = await db.habit.create({ data: { tenantId, userId: users.member, name: 'Morning run', schedule: 'daily', createdAt: daysAgo(40) } });
  const read = await db.habit.create({ data: { tenantId, userId: users.member, name: 'Read 20 pages', schedule: 'weekly_days', scheduleDays: [1, 3, 5], createdAt: daysAgo(40) } });
  await db.habit.create({ data: { tenantId, userId: users.member, name: 'Stretch', schedule: 'times_per_week', timesPerWeek: 3, createdAt: daysAgo(40) } });
  // A nine-day running streak up to yesterday (past the 7-day milestone), plus older history.
  const runDays = [...Array.from({ length: 9 }, (_, i) => i + 1), 14, 15, 16, 22, 23, 30, 31, 33];
  // Logged at 07:00 on the day: the insights read the usual time of logging (a streak at risk after it).
  const at7 = (d: number) => new Date(daysAgo(d).getTime() + 7 * 3_600_000);
  await db.habitLog.createMany({ data: runDays.map((d) => ({ tenantId, habitId: run.id, userId: users.member, date: daysAgo(d), createdAt: at7(d) })) });
  const readDays = Array.from({ length: 40 }, (_, i) => i + 1).filter((d) => [1, 3, 5].includes(daysAgo(d).getUTCDay()) && d % 4 !== 0);
  await db.habitLog.createMany({ data: readDays.map((d) => ({ tenantId, habitId: read.id, userId: users.member, date: daysAgo(d), createdAt: at7(d) })) });

  const history: Prisma.DomainEventCreateManyInput[] = [];
  const past = <T extends DomainEventType>(type: T, payload: DomainEventPayloads[T], actorId: string, audience: Audience, at: Date): string => {
    const id = newEventId();
    history.push({ id, tenantId, type, actorId, payload: payload as unknown as Prisma.InputJsonObject, ...audienceColumns(audience), occurredAt: at, publishedAt: new Date() });
    return id;
  };
  const hour = (days: number, h: number) => new Date(daysAgo(days).getTime() + h * 3_600_000);
  const runHabit = habitAudience({ userId: users.member, private: false });
  past('goal.created', { goalId: teamGoal.id, title: teamGoal.title, ownerId: users.owner, teamId: coaches.id }, users.owner, goalAudience(teamGoal), hour(40, 9));
  past('goal.created', { goalId: done.id, title: done.title, ownerId: users.member, teamId: null }, users.member, goalAudience(done), hour(25, 10));
  past('goal.completed', { goalId: done.id, title: done.title, completedById: users.member, completedAt: done.completedAt!.toISOString() }, users.member, goalAudience(done), hour(24, 18));
  past('goal.updated', { goalId: teamGoal.id, changes: { progress: { from: 0, to: 35 } } }, users.owner, goalAudience(teamGoal), hour(20, 11));
  past('goal.updated', { goalId: teamGoal.id, changes: { progress: { from: 35, to: 60 } } }, users.member, goalAudience(teamGoal), hour(6, 16));
  for (const [i, d] of [9, 8, 7, 6, 5, 4, 3, 2, 1].entries()) {
    past('habit.logged', { habitId: run.id, userId: users.member, date: daysAgo(d).toISOString().slice(0, 10), note: null, currentStreak: i + 1 }, users.member, runHabit, hour(d, 7));
  }
  const streak = past('habit.streak_milestone', { habitId: run.id, userId: users.member, milestone: 7, unit: 'days' }, users.member, runHabit, hour(3, 7));
  const comment = await db.comment.create({
    data: { tenantId, goalId: teamGoal.id, authorId: users.owner, body: 'Great progress on the sessions. Next up: **registrations**.', createdAt: hour(5, 9) },
  });
  past('goal.commented', { goalId: teamGoal.id, milestoneId: null, commentId: comment.id, authorId: users.owner, body: comment.body, mentionedUserIds: [] }, users.owner, goalAudience(teamGoal), hour(5, 9));
  const kudos = await db.kudos.create({ data: { tenantId, eventId: streak, giverId: users.owner, recipientId: users.member, createdAt: hour(2, 12) } });
  past('kudos.given', { kudosId: kudos.id, eventId: streak, giverId: users.owner, recipientId: users.member, subjectType: 'habit', subjectId: run.id }, users.owner, runHabit, hour(2, 12));
  // The member's bell: the kudos, unread, and the assignment to the team goal, long read.
  const { name: ownerName } = await db.user.findUniqueOrThrow({ where: { id: users.owner }, select: { name: true } });
  await db.notification.createMany({
    data: [
      { tenantId, userId: users.member, type: 'assignment', actorId: users.owner, subjectType: 'goal', subjectId: teamGoal.id, data: { actorName: ownerName, title: teamGoal.title, goalId: teamGoal.id }, dedupeKey: `assignment:${teamGoal.id}`, readAt: daysAgo(39), createdAt: daysAgo(40) },
      { tenantId, userId: users.member, type: 'kudos', actorId: users.owner, subjectType: 'habit', subjectId: run.id, data: { actorName: ownerName, title: run.name }, dedupeKey: `kudos:${kudos.id}`, createdAt: hour(2, 12) },
    ],
  });
  // In time order: feeds page by seq.
  await db.domainEvent.createMany({ data: history.sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime()) });
  return 1;
}
