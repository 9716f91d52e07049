import Link from 'next/link';
import type { Member } from '@/lib/auth/session';
import { term } from '@/lib/branding/terminology';
import { getFormatter } from '@/lib/format/server';
import { activeGoalsFor, goalCompletionsByWeek } from '@/lib/goals/goal-dashboard';
import { habitCompletionsByWeek, habitsForToday } from '@/lib/habits/habit-dashboard';
import { formatStreak } from '@/lib/habits/habit-labels';
import { listHabits } from '@/lib/habits/habits';
import { can } from '@/lib/members/permissions';
import { roleLabel } from '@/lib/members/role-labels';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { LiveRefresh } from '@/components/live/live-refresh';
import { Card } from '@/components/ui/card';
import { ActiveGoals } from './active-goals';
import { FirstRunCards } from './first-run-cards';
import { CompletionsChart } from './completions-chart';
import { TodayHabits } from './today-habits';

/** The signed-in member's home: active goals, today's habits, streaks and 12 weeks of completions. */
export async function MemberDashboard({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const t = tenant.branding.terminology;
  const [goals, today, habits, habitWeeks, goalWeeks, fmt] = await Promise.all([
    activeGoalsFor(tenant, member, 6),
    habitsForToday(tenant, member),
    listHabits(tenant, member),
    habitCompletionsByWeek(tenant, member, 12),
    goalCompletionsByWeek(tenant, member, 12),
    getFormatter(tenant),
  ]);
  const streaks = habits
    .filter((habit) => habit.archivedAt === null && habit.streak.current > 0)
    .sort((a, b) => b.streak.current - a.streak.current)
    .slice(0, 5);
  // Both series end with the current week; habits count in the tenant's zone, goals in UTC.
  const weeks = habitWeeks.map((week, index) => ({ weekStart: week.weekStart, habits: week.count, goals: goalWeeks[index]?.count ?? 0 }));

  return (
    <section className="mx-auto max-w-6xl px-6 py-10">
      <LiveRefresh areas={['goal', 'habit', 'team']} />
      <h1 className="text-3xl font-bold text-slate-900">Welcome, {member.name ?? member.email}</h1>
      <p className="mt-1 text-slate-600">
        {tenant.name} · signed in as <strong data-testid="member-role">{roleLabel(member.role)}</strong>
      </p>
      <div className="mt-8 empty:hidden">
        <FirstRunCards tenant={tenant} member={member} />
      </div>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card title={`Today's ${term(t, 'habits')}`}>
          <TodayHabits initial={today} canWrite={can(member.role, 'habits.write')} labels={{ habits: term(t, 'habits'), habit: term(t, 'habit') }} />
        </Card>
        <Card title={`Active ${term(t, 'goals')}`}>
          <ActiveGoals goals={goals} labels={{ goals: term(t, 'goals'), goal: term(t, 'goal') }} fmt={fmt} />
        </Card>
        <Card title="Streaks">
          {streaks.length ? (
            <ul className="flex flex-col gap-2" data-testid="streaks">
              {streaks.map((habit) => (
                <li key={habit.id} className="flex items-center justify-between text-sm">
                  <Link href={`/habits/${habit.id}`} className="text-slate-900 hover:underline">
                    {habit.name}
                  </Link>
                  <span className="font-semibold text-slate-700">
                    {formatStreak(habit.streak.current, habit.streak.unit, fmt)}
                    {habit.streak.milestone ? <span className="ml-2 rounded-full bg-brand-accent px-2 py-0.5 text-xs text-brand-accent-fg">{habit.streak.milestone}+</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No streak running yet. Log a {term(t, 'habit')} today to start one.</p>
          )}
        </Card>
        <Card title="Last 12 weeks">
          <CompletionsChart weeks={weeks} habitLabel={`${term(t, 'habits', true)} logged`} goalLabel={`${term(t, 'goals', true)} completed`} />
        </Card>
      </div>
    </section>
  );
}
