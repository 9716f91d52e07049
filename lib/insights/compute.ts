import type { TenantTx } from '../db/tenant-db.ts';
import { addDays, fromDbDate, isoWeekStart, localDateIn, toDbDate, type LocalDate } from '../habits/local-date.ts';
import type { InsightClock } from './clock.ts';
import type { InsightDraft, InsightKind } from './insight-types.ts';
import type { GoalInput, HabitInput, MilestoneInput, TeamActivityInput } from './rule-inputs.ts';
import { goalsAtRisk } from './rules/goal-at-risk.ts';
import { milestonesDueSoon } from './rules/milestone-due-soon.ts';
import { streakAtRisk } from './rules/streak-at-risk.ts';
import { teamMomentum } from './rules/team-momentum.ts';
import { weekdayPatterns } from './rules/weekday-pattern.ts';

// Loads a member's or a team's own rows (tenant-scoped) and runs the rules over them. A
// member's insights read only their own habits and personal goals; a team's read its goals
// and, as counts, its members' logs of shared habits.

/** Which rules a run applies: time-driven ones every hour; weekly patterns too on a full run. */
export type InsightCadence = 'hourly' | 'full';

export const MEMBER_KINDS: Record<InsightCadence, InsightKind[]> = {
  hourly: ['streak_at_risk', 'goal_at_risk', 'milestone_due_soon'],
  full: ['streak_at_risk', 'goal_at_risk', 'milestone_due_soon', 'best_weekday', 'worst_weekday'],
};

export const TEAM_KINDS: Record<InsightCadence, InsightKind[]> = {
  hourly: ['goal_at_risk', 'milestone_due_soon'],
  full: ['goal_at_risk', 'milestone_due_soon', 'team_momentum'],
};

/** A habit "exists" from its creation or its first log, whichever is earlier (logs may be back-dated). */
function createdOn(createdAt: Date, timeZone: string, firstLog?: LocalDate): LocalDate {
  const created = localDateIn(timeZone, createdAt);
  return firstLog && firstLog < created ? firstLog : created;
}

const milestoneSelect = { id: true, goalId: true, dueDate: true, completedAt: true, goal: { select: { ownerId: true, teamId: true } } } as const;

function toMilestoneInput(row: { id: string; goalId: string; dueDate: Date | null; completedAt: Date | null; goal: { ownerId: string; teamId: string | null } }): MilestoneInput {
  return { id: row.id, goalId: row.goalId, goalOwnerId: row.goal.ownerId, goalTeamId: row.goal.teamId, dueDate: row.dueDate ? fromDbDate(row.dueDate) : null, completed: row.completedAt !== null };
}

function toGoalInput(row: { id: string; ownerId: string; teamId: string | null; progress: number; createdAt: Date; targetDate: Date | null }, timeZone: string): GoalInput {
  return { id: row.id, ownerId: row.ownerId, teamId: row.teamId, progress: row.progress, createdOn: localDateIn(timeZone, row.createdAt), targetDate: row.targetDate ? fromDbDate(row.targetDate) : null };
}

const goalSelect = { id: true, ownerId: true, teamId: true, progress: true, createdAt: true, targetDate: true } as const;

/** The member's own insights: their habits (private ones too: these are theirs) and personal goals. */
export async function memberDrafts(tx: TenantTx, userId: string, clock: InsightClock, kinds: readonly InsightKind[]): Promise<InsightDraft[]> {
  const wants = (kind: InsightKind) => kinds.includes(kind);
  const drafts: InsightDraft[] = [];
  if (wants('streak_at_risk') || wants('best_weekday') || wants('worst_weekday')) {
    const rows = await tx.habit.findMany({
      where: { userId, archivedAt: null },
      select: { id: true, userId: true, schedule: true, scheduleDays: true, timesPerWeek: true, createdAt: true, logs: { select: { date: true, createdAt: true }, orderBy: { date: 'asc' } } },
    });
    const habits: HabitInput[] = rows.map((row) => {
      const logs = row.logs.map((log) => ({ date: fromDbDate(log.date), createdAt: log.createdAt }));
      return { ...row, createdOn: createdOn(row.createdAt, clock.timeZone, logs[0]?.date), logs };
    });
    if (wants('streak_at_risk')) drafts.push(...streakAtRisk(habits, clock));
    if (wants('best_weekday') || wants('worst_weekday')) drafts.push(...weekdayPatterns(habits, clock).filter((d) => wants(d.kind)));
  }
  const personalGoal = { ownerId: userId, teamId: null, status: 'active' as const };
  if (wants('goal_at_risk')) {
    const goals = await tx.goal.findMany({ where: { ...personalGoal, targetDate: { not: null } }, select: goalSelect });
    drafts.push(...goalsAtRisk(goals.map((g) => toGoalInput(g, clock.timeZone)), clock));
  }
  if (wants('milestone_due_soon')) {
    const milestones = await tx.milestone.findMany({ where: { completedAt: null, dueDate: { not: null }, goal: personalGoal }, select: milestoneSelect });
    drafts.push(...milestonesDueSoon(milestones.map(toMilestoneInput), clock));
  }
  return drafts;
}

/** A team's insights: its goals and milestones, and its week over week as counts. */
export async function teamDrafts(tx: TenantTx, teamId: string, clock: InsightClock, kinds: readonly InsightKind[]): Promise<InsightDraft[]> {
  const wants = (kind: InsightKind) => kinds.includes(kind);
  const drafts: InsightDraft[] = [];
  const teamGoal = { teamId, status: 'active' as const };
  if (wants('goal_at_risk')) {
    const goals = await tx.goal.findMany({ where: { ...teamGoal, targetDate: { not: null } }, select: goalSelect });
    drafts.push(...goalsAtRisk(goals.map((g) => toGoalInput(g, clock.timeZone)), clock));
  }
  if (wants('milestone_due_soon')) {
    const milestones = await tx.milestone.findMany({ where: { completedAt: null, dueDate: { not: null }, goal: teamGoal }, select: milestoneSelect });
    drafts.push(...milestonesDueSoon(milestones.map(toMilestoneInput), clock));
  }
  if (wants('team_momentum')) drafts.push(...teamMomentum([await teamActivity(tx, teamId, clock)], clock));
  return drafts;
}

async function teamActivity(tx: TenantTx, teamId: string, clock: InsightClock): Promise<TeamActivityInput> {
  const from = addDays(isoWeekStart(clock.today), -14);
  const to = addDays(isoWeekStart(clock.today), -1);
  const members = await tx.teamMember.findMany({ where: { teamId }, select: { userId: true } });
  const userIds = members.map((m) => m.userId);
  const [logs, progress] = await Promise.all([
    // Private habits stay out entirely: their logs are their owner's alone.
    tx.habitLog.findMany({ where: { userId: { in: userIds }, date: { gte: toDbDate(from), lte: toDbDate(to) }, habit: { private: false } }, select: { date: true } }),
    // A day of margin each side: the local dates are worked out below.
    tx.goalProgressEntry.findMany({
      where: { goal: { teamId }, createdAt: { gte: new Date(toDbDate(from).getTime() - 86_400_000), lt: new Date(toDbDate(to).getTime() + 2 * 86_400_000) } },
      select: { createdAt: true },
    }),
  ]);
  return { teamId, habitLogDates: logs.map((log) => fromDbDate(log.date)), progressDates: progress.map((entry) => localDateIn(clock.timeZone, entry.createdAt)) };
}
