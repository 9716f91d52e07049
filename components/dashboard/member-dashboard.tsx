import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Member } from '@/lib/auth/session';
import { getFormatter } from '@/lib/format/server';
import { activeGoalsFor, goalCompletionsByWeek } from '@/lib/goals/goal-dashboard';
import { habitCompletionsByWeek, habitsForToday } from '@/lib/habits/habit-dashboard';
import { listHabits } from '@/lib/habits/habits';
import { insightHref, insightMessage } from '@/lib/insights/insight-sentence';
import { listInsights } from '@/lib/insights/list-insights';
import { can } from '@/lib/members/permissions';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { LiveRefresh } from '@/components/live/live-refresh';
import { Card } from '@/components/ui/card';
import { ActiveGoals } from './active-goals';
import { FirstRunCards } from './first-run-cards';
import { InsightsList, type InsightLine } from './insights-card';
import { CompletionsChart } from './completions-chart';
import { TodayHabits } from './today-habits';

const WEEKS = 12;
/** The card stays a short list; the rest wait for the ones above to be dealt with or dismissed. */
const INSIGHTS_SHOWN = 5;

/** The signed-in member's home: insights, active goals, today's habits, streaks and 12 weeks of completions. */
export async function MemberDashboard({ tenant, member }: { tenant: TenantContext; member: Member }) {
  const [goals, today, habits, habitWeeks, goalWeeks, fmt, t, roles, insights, ti] = await Promise.all([
    activeGoalsFor(tenant, member, 6),
    habitsForToday(tenant, member),
    listHabits(tenant, member),
    habitCompletionsByWeek(tenant, member, WEEKS),
    goalCompletionsByWeek(tenant, member, WEEKS),
    getFormatter(tenant),
    getTranslations('dashboard'),
    getTranslations('memberProfile.roles'),
    listInsights(tenant, member, { limit: INSIGHTS_SHOWN }),
    getTranslations('insights'),
  ]);
  const insightLines: InsightLine[] = insights.map((item) => {
    const { key, values } = insightMessage(item, fmt);
    return { id: item.id, kind: item.kind, text: ti(key, values), href: insightHref(item) };
  });
  const streaks = habits
    .filter((habit) => habit.archivedAt === null && habit.streak.current > 0)
    .sort((a, b) => b.streak.current - a.streak.current)
    .slice(0, 5);
  // Both series end with the current week; habits count in the tenant's zone, goals in UTC.
  const weeks = habitWeeks.map((week, index) => ({ weekStart: week.weekStart, habits: week.count, goals: goalWeeks[index]?.count ?? 0 }));

  return (
    <section className="mx-auto max-w-6xl px-6 py-10">
      <LiveRefresh areas={['goal', 'habit', 'team']} />
      <h1 className="text-3xl font-bold text-slate-900">{t('welcome', { name: member.name ?? member.email })}</h1>
      <p className="mt-1 text-slate-600">
        {t.rich('signedInAs', {
          workspace: tenant.name,
          role: roles(member.role),
          strong: (chunks) => <strong data-testid="member-role">{chunks}</strong>,
        })}
      </p>
      <div className="mt-8 empty:hidden">
        <FirstRunCards tenant={tenant} member={member} />
      </div>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card title={ti('title')} className="lg:col-span-2">
          <InsightsList initial={insightLines} />
        </Card>
        <Card title={t('todayHabits')}>
          <TodayHabits initial={today} canWrite={can(member.role, 'habits.write')} />
        </Card>
        <Card title={t('activeGoals')}>
          <ActiveGoals goals={goals} fmt={fmt} />
        </Card>
        <Card title={t('streaks')}>
          {streaks.length ? (
            <ul className="flex flex-col gap-2" data-testid="streaks">
              {streaks.map((habit) => (
                <li key={habit.id} className="flex items-center justify-between text-sm">
                  <Link href={`/habits/${habit.id}`} className="text-slate-900 hover:underline">
                    {habit.name}
                  </Link>
                  <span className="font-semibold text-slate-700">
                    {t('streakLength', { unit: habit.streak.unit, count: habit.streak.current, n: fmt.number(habit.streak.current) })}
                    {habit.streak.milestone ? (
                      <span className="ms-2 rounded-full bg-brand-accent px-2 py-0.5 text-xs text-brand-accent-fg">{t('streakMilestone', { milestone: fmt.number(habit.streak.milestone) })}</span>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t('noStreak')}</p>
          )}
        </Card>
        <Card title={t('lastWeeks', { count: WEEKS, n: fmt.number(WEEKS) })}>
          <CompletionsChart weeks={weeks} habitLabel={t('chart.habitsLogged')} goalLabel={t('chart.goalsCompleted')} />
        </Card>
      </div>
    </section>
  );
}
