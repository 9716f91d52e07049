import type { Member } from '../auth/session.ts';
import { listGoals } from '../goals/goals.ts';
import { listHabits } from '../habits/habits.ts';
import { localDateIn } from '../habits/local-date.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { insightsForCoach, type CoachInsight } from './insights-for-coach.ts';

// What the coach knows about the member, built by our code and nothing else: their own
// personal goals and the goals of their teams (listGoals' visibility rules, never another
// member's personal goal), their own active habits with streaks and today's state (listHabits
// reads only the member's habits), and their insights. Names of other people are left out:
// the coach needs the work, not who else is on it.

const MAX_GOALS = 30;
const MAX_HABITS = 30;
const MAX_DESCRIPTION = 300;

export interface CoachContext {
  today: string;
  goals: { title: string; description: string | null; team: string | null; progress: number; targetDate: string | null; milestones: string }[];
  habits: { name: string; schedule: string; currentStreak: number; longestStreak: number; streakUnit: string; dueToday: boolean; doneToday: boolean; thisWeek: string }[];
  insights: CoachInsight[];
}

const clip = (value: string | null) => (value && value.length > MAX_DESCRIPTION ? `${value.slice(0, MAX_DESCRIPTION)}…` : value);

function scheduleOf(habit: { schedule: string; scheduleDays: number[]; timesPerWeek: number | null }): string {
  if (habit.schedule === 'weekly_days') return `on weekdays ${habit.scheduleDays.join(',')} (0 = Sunday)`;
  if (habit.schedule === 'times_per_week') return `${habit.timesPerWeek} times a week`;
  return 'daily';
}

export async function buildCoachContext(tenant: TenantContext, member: Member, now: Date = new Date()): Promise<CoachContext> {
  const [goals, habits, insights] = await Promise.all([listGoals(tenant, member, { status: 'active' }), listHabits(tenant, member, now), insightsForCoach(tenant, member, now)]);
  const active = habits.filter((habit) => habit.archivedAt === null);
  return {
    today: localDateIn(tenant.timeZone, now),
    goals: goals.slice(0, MAX_GOALS).map((goal) => ({
      title: goal.title,
      description: clip(goal.description),
      team: goal.teamName,
      progress: goal.progress,
      targetDate: goal.targetDate,
      milestones: `${goal.milestones.completed}/${goal.milestones.total}`,
    })),
    habits: active.slice(0, MAX_HABITS).map((habit) => ({
      name: habit.name,
      schedule: scheduleOf(habit),
      currentStreak: habit.streak.current,
      longestStreak: habit.streak.longest,
      streakUnit: habit.streak.unit,
      dueToday: habit.today.due,
      doneToday: habit.today.done,
      thisWeek: habit.today.weekTarget === null ? `${habit.today.weekCount} logs` : `${habit.today.weekCount}/${habit.today.weekTarget}`,
    })),
    insights,
  };
}
